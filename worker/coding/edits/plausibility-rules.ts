import { FEMALE_GENITAL_DIAGNOSES, MALE_ONLY_DIAGNOSES, PREGNANCY_DIAGNOSES } from './demographic-rules'
import { icd10Ranges, type Icd10Range } from './icd10-range'
import { procedureRanges, type ProcedureRange } from './procedure-range'

/** A procedure group and a diagnosis group that cannot describe the same patient's service. */
export type ImplausiblePair = { procedures: ProcedureRange[]; procedureLabel: string; diagnoses: Icd10Range[]; diagnosisLabel: string }

const OBSTETRIC = procedureRanges('59000-59899', '76801-76828', '0500F-0503F')
const MALE_GENITAL = procedureRanges('54000-55899', 'G0102-G0103')
const CERVICAL_SCREENING = procedureRanges('G0101', 'Q0091', '88141-88175')
const CHILD_PREVENTIVE = procedureRanges('99381-99384', '99391-99394')
const ADULT_PREVENTIVE = procedureRanges('99385-99387', '99395-99397')

/**
 * Deliberately short: only pairs where no documentation could make the pointer right (each side belongs
 * to a different sex, or a different stage of life). Medical necessity beyond that is the payer's LCD/NCD
 * work and the learned coder's, not a static table's. A line is checked against the diagnoses it points to.
 */
export const IMPLAUSIBLE_PAIRS: readonly ImplausiblePair[] = [
  { procedures: OBSTETRIC, procedureLabel: 'prenatal or obstetric care', diagnoses: MALE_ONLY_DIAGNOSES, diagnosisLabel: 'a male-only diagnosis' },
  { procedures: MALE_GENITAL, procedureLabel: 'a male genital procedure or prostate screening', diagnoses: [...PREGNANCY_DIAGNOSES, ...FEMALE_GENITAL_DIAGNOSES], diagnosisLabel: 'a pregnancy or female genital diagnosis' },
  { procedures: CERVICAL_SCREENING, procedureLabel: 'cervical cancer screening', diagnoses: MALE_ONLY_DIAGNOSES, diagnosisLabel: 'a male-only diagnosis' },
  { procedures: CHILD_PREVENTIVE, procedureLabel: 'a child preventive visit', diagnoses: icd10Ranges('Z00.0'), diagnosisLabel: 'an adult examination diagnosis' },
  { procedures: ADULT_PREVENTIVE, procedureLabel: 'an adult preventive visit', diagnoses: icd10Ranges('Z00.1'), diagnosisLabel: 'a child or newborn examination diagnosis' },
]
