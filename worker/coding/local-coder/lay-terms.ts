import { ROWS_CIRCULATORY } from './lay-terms/circulatory'
import { ROWS_DIGESTIVE } from './lay-terms/digestive'
import { ROWS_ENDOCRINE } from './lay-terms/endocrine'
import { ROWS_EYE_EAR } from './lay-terms/eye-ear'
import { ROWS_GENERAL } from './lay-terms/general'
import { ROWS_GENITOURINARY } from './lay-terms/genitourinary'
import { ROWS_INFECTIONS } from './lay-terms/infections'
import { ROWS_MUSCULOSKELETAL } from './lay-terms/musculoskeletal'
import { ROWS_NEOPLASMS } from './lay-terms/neoplasms'
import { ROWS_NERVOUS_MENTAL } from './lay-terms/nervous-mental'
import { ROWS_RESPIRATORY } from './lay-terms/respiratory'
import { ROWS_SHORTHAND } from './lay-terms/shorthand'
import { ROWS_SKIN } from './lay-terms/skin'

/**
 * Clinicians' abbreviations and patients' words, mapped to the wording of the official titles and, when
 * the phrase names one concept, to the code a coder would start from. Retrieval over the titles then
 * refines within that code's category (laterality, acuity, 7th character), so a row never pins a code
 * the documentation makes more specific. Row: `term|term => official words => CODE` (code optional).
 * Curated by hand from common outpatient vocabulary; evaluation notes use a seed this table never saw.
 */
export const LAY_TERM_ROWS: readonly string[] = [
  ...ROWS_CIRCULATORY,
  ...ROWS_ENDOCRINE,
  ...ROWS_RESPIRATORY,
  ...ROWS_DIGESTIVE,
  ...ROWS_GENITOURINARY,
  ...ROWS_NERVOUS_MENTAL,
  ...ROWS_MUSCULOSKELETAL,
  ...ROWS_SKIN,
  ...ROWS_EYE_EAR,
  ...ROWS_GENERAL,
  ...ROWS_NEOPLASMS,
  ...ROWS_INFECTIONS,
  ...ROWS_SHORTHAND,
]
