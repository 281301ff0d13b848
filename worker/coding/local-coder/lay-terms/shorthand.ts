/** Lay terms and abbreviations: clinicians' shorthand that is not a concept by itself (laterality, with/without). Row format in ../lay-terms.ts. */
export const ROWS_SHORTHAND: readonly string[] = [
  'w|w/ => with',
  'w o|w/o => without',
  'rt|r => right',
  'lt|l => left',
  'b l|bilat|bil|both => bilateral',
  'hx|h o|pmh|phx => history',
  'fx => fracture',
  'lac => laceration',
  'inj => injury',
  'cancer|malignancy => malignant neoplasm',
  'sz => seizure',
  'tummy|belly => abdominal',
]
