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
  { name: 'patient_first_name', required: false, level: 'claim', description: "Patient's first name (with last name, date of birth and member id)" },
  { name: 'patient_last_name', required: false, level: 'claim', description: "Patient's last name" },
  { name: 'patient_dob', required: false, level: 'claim', description: "Patient's date of birth, YYYY-MM-DD" },
  { name: 'patient_sex', required: false, level: 'claim', description: 'F, M or U (unknown); U if empty' },
  { name: 'member_id', required: false, level: 'claim', description: "The patient's member id on the payer's card" },
  { name: 'patient_address', required: false, level: 'claim', description: 'Street address (with city, state and ZIP)' },
  { name: 'patient_city', required: false, level: 'claim', description: 'City' },
  { name: 'patient_state', required: false, level: 'claim', description: 'Two-letter state code' },
  { name: 'patient_zip', required: false, level: 'claim', description: 'ZIP code, 5 or 9 digits' },
  { name: 'note', required: false, level: 'claim', description: 'The clinical note for the encounter' },
] as const

/** Columns holding PHI: sealed when stored, and never quoted back in an error message. */
export const PHI_CSV_COLUMNS: ReadonlySet<string> = new Set([
  'patient_first_name',
  'patient_last_name',
  'patient_dob',
  'patient_sex',
  'member_id',
  'patient_address',
  'patient_city',
  'patient_state',
  'patient_zip',
  'note',
])

export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number]['name']
