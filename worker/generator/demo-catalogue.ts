import type { ClaimInput } from '../contracts'

/** Payer ids as clearinghouses list them; illustrative, not an enrolment list. */
export const DEMO_PAYERS: readonly { payer: ClaimInput['payer']; weight: number }[] = [
  { payer: { id: '12502', name: 'Medicare Part B (Novitas JL)' }, weight: 35 },
  { payer: { id: '87726', name: 'UnitedHealthcare' }, weight: 20 },
  { payer: { id: '60054', name: 'Aetna' }, weight: 15 },
  { payer: { id: '62308', name: 'Cigna' }, weight: 10 },
  { payer: { id: 'TXMCD', name: 'Texas Medicaid' }, weight: 20 },
]

/** A service on a claim: unit price in cents before the per-claim variance, and which diagnoses it treats. */
export type DemoService = { code: string; priceCents: number; units?: [number, number]; pointers: number[]; needsVisitModifier25?: boolean }

/**
 * An office encounter: diagnoses in claim order and the services billed for them. Pointers index
 * the encounter's own diagnoses (1-based). Codes are checked against the shipped code sets in tests.
 */
export type DemoEncounter = { name: string; diagnoses: string[]; services: DemoService[] }

export const DEMO_ENCOUNTERS: readonly DemoEncounter[] = [
  {
    name: 'diabetes follow-up',
    diagnoses: ['E1165', 'I10', 'E785'],
    services: [
      { code: '83036', priceCents: 4_000, pointers: [1] },
      { code: '80053', priceCents: 4_500, pointers: [1, 2] },
      { code: '80061', priceCents: 5_500, pointers: [3] },
      { code: '36415', priceCents: 1_500, pointers: [1] },
    ],
  },
  { name: 'diabetes with kidney disease', diagnoses: ['E1122', 'I10'], services: [{ code: '80053', priceCents: 4_500, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }] },
  { name: 'type 2 diabetes check', diagnoses: ['E119', 'E669'], services: [{ code: '83036', priceCents: 4_000, pointers: [1] }] },
  { name: 'prediabetes', diagnoses: ['R7303', 'E6601'], services: [{ code: '83036', priceCents: 4_000, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }] },
  { name: 'hypertension', diagnoses: ['I10', 'E782'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }] },
  { name: 'chest pain', diagnoses: ['R0789', 'I10'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }] },
  { name: 'sore throat', diagnoses: ['J029'], services: [{ code: '87880', priceCents: 3_500, pointers: [1] }] },
  { name: 'upper respiratory infection', diagnoses: ['J069'], services: [] },
  { name: 'sinusitis', diagnoses: ['J0100'], services: [] },
  { name: 'bronchitis', diagnoses: ['J209', 'F17210'], services: [] },
  { name: 'seasonal allergies', diagnoses: ['J302'], services: [] },
  { name: 'asthma', diagnoses: ['J45909'], services: [] },
  { name: 'COPD', diagnoses: ['J449', 'F17210'], services: [] },
  {
    name: 'urinary tract infection',
    diagnoses: ['N3000', 'R3915'],
    services: [
      { code: '81002', priceCents: 1_200, pointers: [1, 2] },
      { code: '87086', priceCents: 4_000, pointers: [1] },
    ],
  },
  { name: 'UTI, site not specified', diagnoses: ['N390'], services: [{ code: '81002', priceCents: 1_200, pointers: [1] }] },
  { name: 'hypothyroidism', diagnoses: ['E039', 'R5383'], services: [{ code: '84443', priceCents: 6_000, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }] },
  { name: 'anemia', diagnoses: ['D649', 'R5383'], services: [{ code: '85025', priceCents: 3_000, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }] },
  { name: 'vitamin D deficiency', diagnoses: ['E559'], services: [{ code: '82306', priceCents: 5_000, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }] },
  {
    name: 'B12 deficiency injection',
    diagnoses: ['E538'],
    services: [
      { code: '96372', priceCents: 4_000, pointers: [1], needsVisitModifier25: true },
      { code: 'J3420', priceCents: 2_500, pointers: [1] },
    ],
  },
  {
    name: 'low back pain with radiculopathy',
    diagnoses: ['M5416'],
    services: [
      { code: '96372', priceCents: 4_000, pointers: [1], needsVisitModifier25: true },
      { code: 'J1885', priceCents: 900, units: [1, 4], pointers: [1] },
    ],
  },
  {
    name: 'knee osteoarthritis injection',
    diagnoses: ['M1711', 'M25561'],
    services: [
      { code: '20610', priceCents: 22_000, pointers: [1, 2], needsVisitModifier25: true },
      { code: 'J3301', priceCents: 400, units: [4, 8], pointers: [1] },
    ],
  },
  { name: 'seborrheic keratosis biopsy', diagnoses: ['L821'], services: [{ code: '11102', priceCents: 16_000, pointers: [1], needsVisitModifier25: true }] },
  { name: 'wart removal', diagnoses: ['B079'], services: [{ code: '17110', priceCents: 15_000, pointers: [1], needsVisitModifier25: true }] },
  { name: 'impacted cerumen', diagnoses: ['H6121'], services: [{ code: '69210', priceCents: 9_000, pointers: [1], needsVisitModifier25: true }] },
  {
    name: 'flu shot with visit',
    diagnoses: ['Z23', 'I10'],
    services: [
      { code: '90471', priceCents: 3_000, pointers: [1], needsVisitModifier25: true },
      { code: '90686', priceCents: 3_500, pointers: [1] },
    ],
  },
  {
    name: 'Tdap with visit',
    diagnoses: ['Z23'],
    services: [
      { code: '90471', priceCents: 3_000, pointers: [1], needsVisitModifier25: true },
      { code: '90715', priceCents: 5_500, pointers: [1] },
    ],
  },
  { name: 'headache', diagnoses: ['R519'], services: [] },
  { name: 'migraine', diagnoses: ['G43909'], services: [] },
  { name: 'anxiety', diagnoses: ['F419', 'G4733'], services: [] },
  { name: 'depression', diagnoses: ['F329'], services: [] },
  { name: 'constipation', diagnoses: ['K5900'], services: [] },
  { name: 'epigastric pain', diagnoses: ['R1013'], services: [] },
]

/** Chronic conditions sometimes listed after the encounter's own diagnoses. */
export const DEMO_COMORBIDITIES: readonly string[] = ['I10', 'E785', 'E669', 'F17210', 'G4733', 'E559', 'F419', 'Z87891']

/** Office visits with a typical charge, new patient (9920x) and established (9921x). */
export const DEMO_VISITS: readonly { code: string; priceCents: number; weight: number }[] = [
  { code: '99202', priceCents: 9_500, weight: 3 },
  { code: '99203', priceCents: 14_000, weight: 6 },
  { code: '99204', priceCents: 21_000, weight: 3 },
  { code: '99205', priceCents: 27_500, weight: 1 },
  { code: '99211', priceCents: 4_500, weight: 2 },
  { code: '99212', priceCents: 8_000, weight: 10 },
  { code: '99213', priceCents: 12_500, weight: 30 },
  { code: '99214', priceCents: 18_500, weight: 20 },
  { code: '99215', priceCents: 25_000, weight: 5 },
]

/** Category headers: real codes a biller might type, never valid on a claim. */
export const DEMO_HEADER_CODES: readonly string[] = ['E11', 'R51', 'M17', 'J45', 'I25']

/** Shaped like ICD-10-CM but not in the code set. */
export const DEMO_UNKNOWN_CODES: readonly string[] = ['E1199', 'A0099', 'Z9999']
