import { CLAIM_CSV_COLUMNS } from '$contracts'

/** The claim upload CSV as the server enforces it: one list, shared with worker/ingest. */
export const CSV_COLUMNS = CLAIM_CSV_COLUMNS

/** A small, valid file: two claims, the first with two service lines. */
export function sampleCsv(today = new Date()): string {
  const day = today.toISOString().slice(0, 10)
  const stamp = day.replaceAll('-', '')
  const rows = [
    CSV_COLUMNS.map((c) => c.name).join(','),
    `SAMPLE-${stamp}-001,00882,Medicare Part B,${day},11,E11.9;I10,99214,25,1,185.00,1;2`,
    `SAMPLE-${stamp}-001,00882,Medicare Part B,${day},11,E11.9;I10,83036,,1,42.50,1`,
    `SAMPLE-${stamp}-002,60054,Aetna,${day},11,J06.9,99213,,1,128.00,1`,
  ]
  return `${rows.join('\r\n')}\r\n`
}

/** What the browser accepts before sending; the server checks again, with the real limit. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export function looksLikeCsv(file: File): boolean {
  return /\.csv$/i.test(file.name) || /csv/i.test(file.type)
}
