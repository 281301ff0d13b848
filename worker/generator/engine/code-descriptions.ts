import icd10 from '../../../data/generator/icd10-descriptions.json'

const DIAGNOSES: Readonly<Record<string, string>> = icd10.descriptions

/** The official ICD-10-CM long description for a code the generator uses (see data/generator/README.md). */
export function diagnosisDescription(code: string): string {
  const description = DIAGNOSES[code]
  if (description === undefined) throw new RangeError(`no description shipped for ${code}: add it to data/generator/icd10-descriptions.json`)
  return description
}

/** Clinicians' shorthand for common diagnoses, used in the history and HPI (the A/P spells them out). */
export const DIAGNOSIS_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  I10: ['HTN', 'hypertension'],
  I110: ['HHD', 'hypertensive heart disease'],
  E1165: ['DM2', 'T2DM'],
  E1122: ['DM2 with CKD', 'T2DM w/ CKD'],
  E119: ['DM2', 'T2DM', 'type 2 diabetes'],
  E785: ['HLD', 'hyperlipidemia'],
  E782: ['mixed HLD', 'mixed hyperlipidemia'],
  E669: ['obesity'],
  F17210: ['tobacco use', 'current smoker'],
  G4733: ['OSA', 'sleep apnea'],
  I2510: ['CAD', 'coronary artery disease'],
  I480: ['pAF', 'paroxysmal AFib'],
  I509: ['CHF', 'heart failure'],
  J449: ['COPD'],
  J45909: ['asthma'],
  F419: ['anxiety'],
  E559: ['vit D deficiency', 'low vitamin D'],
  Z87891: ['former smoker', 'hx of nicotine dependence'],
  R0602: ['SOB', 'shortness of breath'],
  M1711: ['R knee OA'],
  M1712: ['L knee OA'],
}

/**
 * Plain-language descriptions, in our own words: CPT descriptors are the AMA's and are not shipped
 * (../shared/data/SOURCES.md). Used in the procedure section of notes.
 */
export const PROCEDURE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '83036': 'hemoglobin A1c', '80053': 'comprehensive metabolic panel', '80061': 'lipid panel', '36415': 'venipuncture for blood draw',
  '93000': 'ECG, 12-lead, with interpretation and report', '87880': 'rapid strep antigen test', '81002': 'urinalysis by dipstick',
  '87086': 'urine culture', '84443': 'TSH', '85025': 'CBC with differential', '82306': 'vitamin D 25-hydroxy level',
  '96372': 'therapeutic intramuscular injection', 'J3420': 'vitamin B12 (cyanocobalamin) up to 1,000 mcg', 'J1885': 'ketorolac 15 mg',
  '20610': 'arthrocentesis/injection of a major joint', 'J3301': 'triamcinolone acetonide 10 mg', '11102': 'tangential skin biopsy, single lesion',
  '17110': 'destruction of benign lesions (warts), up to 14', '69210': 'removal of impacted cerumen with instrumentation',
  '90471': 'immunization administration, one vaccine', '90686': 'influenza vaccine, quadrivalent, preservative free', '90715': 'Tdap vaccine',
  '87804': 'rapid influenza antigen test', '94640': 'nebulizer treatment (inhaled bronchodilator)', '90460': 'vaccine administration with counselling, first component',
  '90707': 'MMR vaccine', '73562': 'knee x-ray, three views', '73610': 'ankle x-ray, three views', '73030': 'shoulder x-ray, two views',
  '20526': 'injection of the carpal tunnel', '93306': 'transthoracic echocardiogram, complete, with Doppler', '85610': 'prothrombin time (PT/INR)',
  '83880': 'BNP level', '93224': 'Holter monitor, 48 hours', '93015': 'cardiovascular stress test with supervision and report',
  '17000': 'destruction of premalignant lesion, first', '17003': 'destruction of premalignant lesions, each additional (2-14)',
}

export function procedureDescription(code: string): string {
  return PROCEDURE_DESCRIPTIONS[code] ?? `service ${code}`
}
