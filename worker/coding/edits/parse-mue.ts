import { parseCsv } from './csv'
import type { MueAdjudication, MueLimit } from './mue-limit'
import { CMS_CODE, type ParsedFile, type SkippedRecord } from './parsed-file'

/**
 * A CMS MUE file (practitioner, outpatient hospital or DME; CSV): a copyright cell, then the header
 * (`HCPCS/CPT Code, ... MUE Values, MUE Adjudication Indicator, MUE Rationale`, the first cell broken over
 * two lines), then one row per code. The adjudication cell reads "2 Date of Service Edit: Policy".
 */
export function parseMueFile(text: string): ParsedFile<MueLimit> {
  const records = parseCsv(text)
  const header = records.findIndex((r) => /HCPCS[\s/]*CPT\s*Code/i.test(r[0] ?? ''))
  if (header < 0) return { rows: [], skipped: [{ record: 1, reason: 'no "HCPCS/CPT Code" header: not an MUE file' }] }
  const rows: MueLimit[] = []
  const skipped: SkippedRecord[] = []
  records.slice(header + 1).forEach((fields, offset) => {
    if (fields.every((f) => f.trim() === '')) return
    const parsed = parseMueFields(fields.map((f) => f.trim()))
    if (typeof parsed === 'string') skipped.push({ record: header + offset + 2, reason: parsed })
    else rows.push(parsed)
  })
  return { rows, skipped }
}

function parseMueFields([code = '', units = '', adjudication = '', rationale = '']: string[]): MueLimit | string {
  if (!CMS_CODE.test(code)) return `"${code}" is not a procedure code`
  if (!/^[0-9]+$/.test(units)) return `MUE value "${units}" is not a whole number of units`
  const indicator = parseAdjudication(adjudication)
  if (indicator === undefined) return `adjudication indicator "${adjudication}" is not 1, 2 or 3`
  const limit: MueLimit = { code, units: Number(units), adjudication: indicator }
  if (rationale !== '') limit.rationale = rationale
  return limit
}

/** Exported for sources that carry the indicator as CMS writes it (the generator's table does). */
export function parseAdjudication(value: string): MueAdjudication | undefined {
  const digit = /^([123])\b/.exec(value.trim())?.[1]
  if (digit === '1') return 1
  if (digit === '2') return 2
  if (digit === '3') return 3
  return undefined
}
