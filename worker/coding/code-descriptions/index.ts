export { CPT_DESCRIPTIONS } from './cpt-descriptions'
export { icd10Description, icd10Entries, procedureDescription } from './descriptions'
export { decodeFrontCoded } from './front-coded'
