import { parseCsv } from './csv'
import type { HcpcsEntry } from './hcpcs-entry'
import type { ParsedFile, SkippedRecord } from './parsed-file'

// Record identifiers of the HCPCS annual file: 3/7 open a procedure/modifier, 4/8 continue its long description.
const KIND_BY_RECORD_ID: Record<string, { kind: HcpcsEntry['kind']; continuation: boolean }> = {
  '3': { kind: 'procedure', continuation: false },
  '4': { kind: 'procedure', continuation: true },
  '7': { kind: 'modifier', continuation: false },
  '8': { kind: 'modifier', continuation: true },
}
const SHAPE: Record<HcpcsEntry['kind'], RegExp> = { procedure: /^[A-Z0-9]{5}$/, modifier: /^[A-Z0-9]{2}$/ }
const DATE = /^[0-9]{8}$/

/**
 * The CMS HCPCS annual file in its CSV form (`HCPC, SEQNUM, RECID, LONG DESCRIPTION, ..., ADD DT, ACT EFF DT,
 * TERM DT, ACTION CD`). A code is valid from ADD DT through TERM DT; ACT EFF DT dates its latest change
 * (for a discontinued code, the termination itself), so it is not the start.. Columns are found by name, so the quarterly files, which add columns, still read.
 * Modifiers are right-aligned in a five-character field ("   A1"): trimmed here.
 */
export function parseHcpcsFile(text: string): ParsedFile<HcpcsEntry> {
  const records = parseCsv(text)
  const names = (records[0] ?? []).map((n) => n.trim().toUpperCase())
  const at = (name: string) => names.indexOf(name)
  const column = { code: at('HCPC'), recordId: at('RECID'), description: at('LONG DESCRIPTION'), effective: at('ADD DT'), termination: at('TERM DT') }
  const missing = Object.entries(column).filter(([, i]) => i < 0)
  if (missing.length > 0) return { rows: [], skipped: [{ record: 1, reason: `no ${missing.map(([k]) => k).join(', ')} column: not a HCPCS file` }] }

  const rows: HcpcsEntry[] = []
  const skipped: SkippedRecord[] = []
  for (const [offset, fields] of records.slice(1).entries()) {
    const record = offset + 2
    if (fields.every((f) => f.trim() === '')) continue
    const cell = (i: number) => (fields[i] ?? '').trim()
    const kind = KIND_BY_RECORD_ID[cell(column.recordId)]
    const code = cell(column.code).toUpperCase()
    if (kind === undefined) {
      skipped.push({ record, reason: `record id "${cell(column.recordId)}" is not a procedure or modifier record` })
    } else if (!SHAPE[kind.kind].test(code)) {
      skipped.push({ record, reason: `"${code}" is not shaped like a HCPCS ${kind.kind}` })
    } else if (kind.continuation) {
      const previous = rows.at(-1)
      if (previous?.code === code && previous.kind === kind.kind) previous.description += ` ${cell(column.description)}`
      else skipped.push({ record, reason: `continuation of ${code} without its first record` })
    } else {
      rows.push({
        kind: kind.kind,
        code,
        description: cell(column.description),
        effective: dateOrNull(cell(column.effective)),
        termination: dateOrNull(cell(column.termination)),
      })
    }
  }
  return { rows, skipped }
}

const dateOrNull = (value: string) => (DATE.test(value) ? value : null)
