import { CMS_CODE, type ParsedFile, type SkippedRecord } from './parsed-file'
import type { PtpModifierIndicator, PtpPair } from './ptp-pair'

const DATE = /^[0-9]{8}$/

/**
 * The CMS NCCI procedure-to-procedure file (practitioner or hospital; tab-separated text): a preamble and
 * a four-line header, then `column 1, column 2, * if in existence before 1996, effective, deletion or *,
 * modifier indicator, rationale`. Rows start at the first line whose first field is a code; lines after
 * that which do not parse are reported, not dropped silently.
 */
export function parsePtpFile(text: string): ParsedFile<PtpPair> {
  const rows: PtpPair[] = []
  const skipped: SkippedRecord[] = []
  let started = false
  text.split(/\r?\n/).forEach((line, index) => {
    const fields = line.split('\t').map((f) => f.trim())
    if (!started) {
      if (!CMS_CODE.test(fields[0] ?? '')) return
      started = true
    }
    if (line.trim() === '') return
    const parsed = parsePtpFields(fields)
    if (typeof parsed === 'string') skipped.push({ record: index + 1, reason: parsed })
    else rows.push(parsed)
  })
  return { rows, skipped }
}

function parsePtpFields(fields: string[]): PtpPair | string {
  const [column1 = '', column2 = '', , effective = '', deletion = '', indicator = '', rationale = ''] = fields
  if (!CMS_CODE.test(column1)) return `column 1 "${column1}" is not a procedure code`
  if (!CMS_CODE.test(column2)) return `column 2 "${column2}" is not a procedure code`
  if (!DATE.test(effective)) return `effective date "${effective}" is not YYYYMMDD`
  if (deletion !== '*' && !DATE.test(deletion)) return `deletion date "${deletion}" is neither YYYYMMDD nor *`
  const modifierIndicator = parseIndicator(indicator)
  if (modifierIndicator === undefined) return `modifier indicator "${indicator}" is not 0, 1 or 9`
  const pair: PtpPair = { column1, column2, effective, deletion: deletion === '*' ? null : deletion, modifierIndicator }
  if (rationale !== '') pair.rationale = rationale
  return pair
}

function parseIndicator(value: string): PtpModifierIndicator | undefined {
  if (value === '0') return 0
  if (value === '1') return 1
  if (value === '9') return 9
  return undefined
}
