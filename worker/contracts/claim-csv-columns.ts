/**
 * The claim upload CSV: one row per service line; rows sharing `claim_number` are the lines of one
 * claim, and the claim-level columns must agree across them. Header names are case-insensitive and
 * the columns may come in any order.
 */
export const CLAIM_CSV_COLUMNS = [
  { name: 'claim_number', required: true, level: 'claim', description: 'Your claim or patient control number; rows with the same number are one claim' },
  { name: 'payer_id', required: true, level: 'claim', description: 'Payer id (e.g. the Medicare contractor number)' },
  { name: 'payer_name', required: true, level: 'claim', description: 'Payer name' },
  { name: 'service_date', required: true, level: 'claim', description: 'Date of service, YYYY-MM-DD' },
  { name: 'place_of_service', required: false, level: 'claim', description: 'Two-digit CMS place of service code; 11 (office) if empty' },
  { name: 'diagnosis_codes', required: true, level: 'claim', description: "ICD-10-CM codes in order, separated by ';' or spaces" },
  { name: 'procedure_code', required: true, level: 'line', description: 'CPT or HCPCS code' },
  { name: 'modifiers', required: false, level: 'line', description: "Up to four modifiers separated by ';'" },
  { name: 'units', required: false, level: 'line', description: 'Units of service; 1 if empty' },
  { name: 'charge', required: true, level: 'line', description: 'Line charge in dollars, e.g. 125.00 or $1,250.50' },
  { name: 'diagnosis_pointers', required: false, level: 'line', description: "Positions in diagnosis_codes this line treats, separated by ';'; 1 if empty" },
] as const

export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number]['name']
