import { icd10Ranges, type Icd10Range } from './icd10-range'
import { procedureRanges, type ProcedureRange } from './procedure-range'
import type { EditSeverity, Sex } from './types'

/** Who a code can be for: one sex, and an age band in whole years on the date of service (inclusive). */
export type Demographic = { sex?: Exclude<Sex, 'U'>; minAge?: number; maxAge?: number }

export type DiagnosisDemographicRule = Demographic & { label: string; ranges: Icd10Range[]; severity: EditSeverity }
export type ProcedureDemographicRule = Demographic & { label: string; ranges: ProcedureRange[]; severity: EditSeverity }

export const MALE_ONLY_DIAGNOSES = icd10Ranges('C60-C63', 'D29', 'D40', 'N40-N53', 'R97.2', 'Z12.5')
export const FEMALE_GENITAL_DIAGNOSES = icd10Ranges('C51-C58', 'D06', 'D25-D28', 'D39', 'N70-N98', 'R87', 'Z01.41', 'Z12.4')
export const PREGNANCY_DIAGNOSES = icd10Ranges('O00-O9A', 'Z33-Z34', 'Z3A')

/**
 * Diagnosis edits in the spirit of the CMS Medicare Code Editor, kept to the categories that are
 * unambiguous; a code outside this table is never flagged. Sources: the ICD-10-CM tabular list (chapter
 * and category notes) and the MCE's maternity, newborn and sex edits.
 */
export const DIAGNOSIS_DEMOGRAPHIC_RULES: readonly DiagnosisDemographicRule[] = [
  // The MCE's maternity range is 9-64; ClaimPay flags 12-55 because it pays before the payer looks.
  { label: 'pregnancy, childbirth or the puerperium', ranges: PREGNANCY_DIAGNOSES, sex: 'F', minAge: 12, maxAge: 55, severity: 'deny' },
  { label: 'a female genital condition or screening', ranges: FEMALE_GENITAL_DIAGNOSES, sex: 'F', severity: 'deny' },
  { label: 'a prostate or male genital condition or screening', ranges: MALE_ONLY_DIAGNOSES, sex: 'M', severity: 'deny' },
  { label: 'a liveborn infant', ranges: icd10Ranges('Z38'), maxAge: 0, severity: 'deny' },
  { label: 'a newborn health examination', ranges: icd10Ranges('Z00.11'), maxAge: 0, severity: 'deny' },
  { label: 'a routine child health examination', ranges: icd10Ranges('Z00.12'), maxAge: 17, severity: 'deny' },
  { label: 'an adult general medical examination', ranges: icd10Ranges('Z00.0'), minAge: 18, severity: 'deny' },
  // Chapter 16 codes may follow a patient for life while the perinatal condition persists: a review, not a denial.
  { label: 'a condition originating in the perinatal period', ranges: icd10Ranges('P00-P96'), maxAge: 17, severity: 'review' },
]

/** Preventive medicine visits (new 9938x, established 9939x) are priced by age band; a payer denies the wrong band. */
const PREVENTIVE_BANDS: ReadonlyArray<{ lastDigit: string; ages: string } & Demographic> = [
  { lastDigit: '1', ages: 'under 1 year', maxAge: 0 },
  { lastDigit: '2', ages: '1 to 4', minAge: 1, maxAge: 4 },
  { lastDigit: '3', ages: '5 to 11', minAge: 5, maxAge: 11 },
  { lastDigit: '4', ages: '12 to 17', minAge: 12, maxAge: 17 },
  { lastDigit: '5', ages: '18 to 39', minAge: 18, maxAge: 39 },
  { lastDigit: '6', ages: '40 to 64', minAge: 40, maxAge: 64 },
  { lastDigit: '7', ages: '65 and over', minAge: 65 },
]

export const PROCEDURE_DEMOGRAPHIC_RULES: readonly ProcedureDemographicRule[] = [
  { label: 'maternity care or delivery', ranges: procedureRanges('59000-59899'), sex: 'F', severity: 'deny' },
  { label: 'an obstetric ultrasound', ranges: procedureRanges('76801-76828'), sex: 'F', severity: 'deny' },
  { label: 'a procedure on the female genital system', ranges: procedureRanges('56405-58999'), sex: 'F', severity: 'deny' },
  { label: 'a screening pelvic exam or Pap collection', ranges: procedureRanges('G0101', 'Q0091'), sex: 'F', severity: 'deny' },
  { label: 'a procedure on the male genital system', ranges: procedureRanges('54000-55899'), sex: 'M', severity: 'deny' },
  { label: 'prostate cancer screening', ranges: procedureRanges('G0102-G0103'), sex: 'M', severity: 'deny' },
  ...PREVENTIVE_BANDS.flatMap(({ lastDigit, ages, ...band }) =>
    ['9938', '9939'].map((stem): ProcedureDemographicRule => ({
      ...band,
      label: `a preventive visit for ages ${ages}`,
      ranges: procedureRanges(`${stem}${lastDigit}`),
      severity: 'deny',
    })),
  ),
]
