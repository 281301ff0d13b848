import { DEMO_COMORBIDITIES } from '../demo-catalogue'
import type { Random } from '../prng'
import { DIAGNOSIS_ABBREVIATIONS, diagnosisDescription, procedureDescription } from './code-descriptions'
import type { Encounter } from './encounters'

/** A clinical note and the codes a competent coder should derive from it (the ground truth). */
export type ClinicalNote = {
  text: string
  truth: {
    diagnoses: string[]
    procedures: { code: string; modifiers: string[]; units: number }[]
    /** Documented total time for the E/M visit; null when the note leaves it out (incomplete documentation). */
    minutes: number | null
  }
}

export type NoteOptions = {
  encounter: Encounter
  age: number
  sex: 'F' | 'M'
  /** Leave out the exam and the documented time: the note does not support the visit level (CARC 16, M127/N29). */
  incomplete: boolean
}

const COMPLAINTS: Readonly<Record<string, readonly string[]>> = {
  'chest pain': ['chest pain', 'intermittent chest discomfort'],
  'sore throat': ['sore throat'],
  'strep pharyngitis': ['sore throat and fever', 'sore throat'],
  'otitis media': ['ear pain', 'tugging at right ear'],
  'upper respiratory infection': ['cough and congestion', 'runny nose and cough'],
  fever: ['fever x2 days', 'fever'],
  'asthma exacerbation': ['wheezing', 'SOB and wheeze'],
  'ankle sprain': ['right ankle pain after inversion injury'],
  palpitations: ['palpitations', 'racing heart'],
  'shortness of breath': ['SOB on exertion', 'dyspnea on exertion'],
  'low back pain with radiculopathy': ['low back pain radiating down the leg'],
  headache: ['headache'],
  'urinary tract infection': ['burning with urination'],
  rash: ['rash'],
  acne: ['acne'],
}

const ROS: readonly string[] = [
  'Denies chest pain.', 'denies SOB.', 'No fever or chills.', 'Negative for nausea/vomiting.', 'Denies dizziness.', 'No weight loss.',
  'Denies palpitations.', 'Neg for dysuria.', 'Denies headache.', 'No rash.', 'Denies abdominal pain.', 'No cough.',
]
const OPENINGS: readonly ((age: number, sex: string, cc: string) => string)[] = [
  (age, sex, cc) => `${age} y/o ${sex} presents with ${cc}.`,
  (age, sex, cc) => `Pt is a ${age}-year-old ${sex} seen today for ${cc}.`,
  (age, sex, cc) => `${age}${sex === 'female' ? 'F' : 'M'} here for ${cc}.`,
]
const HISTORY: readonly ((condition: string) => string)[] = [
  (c) => `History of ${c}.`,
  (c) => `PMH significant for ${c}.`,
  (c) => `Known hx of ${c}, stable.`,
]
const EXAMS: readonly string[] = [
  'Gen: NAD, alert and oriented. Vitals reviewed.',
  'General: well appearing, no acute distress. HEENT normal. Lungs CTAB. RRR, no murmurs.',
  'Exam: afebrile, vitals stable. Heart RRR. Lungs clear. Focused exam as below.',
]
const PLANS: readonly string[] = ['f/u 3 months.', 'Follow up in 2 wks or sooner if worse.', 'RTC 6 weeks.', 'f/u PRN.', 'Return in 1 month; call with concerns.']
const TIMES: readonly ((m: number) => string)[] = [
  (m) => `Total time on the date of the encounter: ${m} minutes.`,
  (m) => `I spent ${m} min with the patient and on documentation today.`,
  (m) => `Time: ${m} minutes total.`,
]

/** Long-standing conditions, written as history ("history of HTN") rather than as today's complaint. */
const CHRONIC: ReadonlySet<string> = new Set([...DEMO_COMORBIDITIES, 'E785', 'I10', 'E782', 'I110'])

function shorthand(random: Random, code: string): string {
  const options = DIAGNOSIS_ABBREVIATIONS[code]
  return options ? random.pick(options) : diagnosisDescription(code).toLowerCase()
}

/**
 * The note states the chief complaint, history with abbreviations ("HTN", "DM2"), a review of systems
 * with negations, the exam, each procedure with units, and an assessment that names every diagnosis by
 * its ICD-10-CM description, so that a coder can derive the claim's codes.
 */
export function writeNote(random: Random, options: NoteOptions): ClinicalNote {
  const { encounter } = options
  const sex = options.sex === 'F' ? 'female' : 'male'
  const cc = random.pick(COMPLAINTS[encounter.name] ?? [`follow-up of ${shorthand(random, encounter.diagnoses[0]!)}`])
  const parts: string[] = [`CC: ${cc}`, `HPI: ${random.pick(OPENINGS)(options.age, sex, cc)}`]
  for (const code of encounter.diagnoses.slice(1)) {
    parts.push(CHRONIC.has(code) ? random.pick(HISTORY)(shorthand(random, code)) : `Also reports ${diagnosisDescription(code).toLowerCase()}.`)
  }
  parts.push(`ROS: ${random.pick(ROS)} ${random.pick(ROS)}`)
  if (!options.incomplete) parts.push(random.pick(EXAMS))
  const procedures = encounter.lines.slice(1)
  if (procedures.length > 0) {
    const done = procedures.map((line) => `${procedureDescription(line.procedureCode)}${line.units > 1 ? ` x${line.units} units` : ''}`)
    parts.push(`Procedures: ${done.join('; ')}.`)
    if (encounter.needsModifier25) parts.push('Significant, separately identifiable E/M service performed in addition to the procedure.')
  }
  const assessment = encounter.diagnoses.map((code, i) => `${i + 1}. ${diagnosisDescription(code)}`)
  parts.push(`A/P:\n${assessment.join('\n')}\n${random.pick(PLANS)}`)
  if (!options.incomplete) parts.push(random.pick(TIMES)(encounter.minutes))
  return {
    text: parts.join('\n'),
    truth: {
      diagnoses: [...encounter.diagnoses],
      procedures: encounter.lines.map((l) => ({ code: l.procedureCode, modifiers: [...l.modifiers], units: l.units })),
      minutes: options.incomplete ? null : encounter.minutes,
    },
  }
}
