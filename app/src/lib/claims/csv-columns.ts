/**
 * The claim upload CSV as providers read about it. Mirrors worker/ingest/claim-csv-columns.ts, which
 * is what the server enforces; moving that list into worker/contracts would let both share one copy.
 */
export const CSV_COLUMNS = [
  { name: 'claim_number', required: true, description: 'Your claim or patient control number. Rows with the same number are one claim.' },
  { name: 'payer_id', required: true, description: 'Payer id, e.g. the Medicare contractor number.' },
  { name: 'payer_name', required: true, description: 'Payer name.' },
  { name: 'service_date', required: true, description: 'Date of service, YYYY-MM-DD.' },
  { name: 'place_of_service', required: false, description: 'Two-digit CMS place of service code; 11 (office) if empty.' },
  { name: 'diagnosis_codes', required: true, description: "ICD-10-CM codes in order, separated by ';' or spaces." },
  { name: 'procedure_code', required: true, description: 'CPT or HCPCS code of this service line.' },
  { name: 'modifiers', required: false, description: "Up to four modifiers separated by ';'." },
  { name: 'units', required: false, description: 'Units of service; 1 if empty.' },
  { name: 'charge', required: true, description: 'Line charge in dollars, e.g. 125.00 or $1,250.50.' },
  { name: 'diagnosis_pointers', required: false, description: "Positions in diagnosis_codes this line treats, separated by ';'; 1 if empty." },
] as const

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
