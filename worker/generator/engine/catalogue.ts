import { DEMO_ENCOUNTERS, type DemoEncounter } from '../demo-catalogue'
import type { Specialty } from './specialties'

/**
 * A service on an encounter. `priceCents` is the practice's typical charge; charges vary around it by
 * `CHARGE_VARIANCE`. `priorAuth` marks services that commercial plans and Medicaid pre-authorise.
 */
export type CatalogueService = {
  code: string
  priceCents: number
  units?: readonly [number, number]
  pointers: readonly number[]
  needsVisitModifier25?: boolean
  priorAuth?: boolean
}

/** An encounter type: diagnoses in claim order, services beyond the E/M visit, and how often it occurs. */
export type CatalogueEncounter = { name: string; diagnoses: readonly string[]; services: readonly CatalogueService[]; weight: number; placeOfService?: string }

/** Charges vary by up to this share either side of the typical price (per line, uniform). */
export const CHARGE_VARIANCE = 0.15

const fromDemo = (names: readonly string[] | null): CatalogueEncounter[] =>
  DEMO_ENCOUNTERS.filter((e: DemoEncounter) => names === null || names.includes(e.name)).map((e) => ({ name: e.name, diagnoses: e.diagnoses, services: e.services, weight: 1 }))

const ADULT_PRIMARY = [
  'diabetes follow-up', 'diabetes with kidney disease', 'type 2 diabetes check', 'prediabetes', 'hypertension', 'chest pain',
  'bronchitis', 'COPD', 'urinary tract infection', 'hypothyroidism', 'anemia', 'vitamin D deficiency', 'B12 deficiency injection',
  'low back pain with radiculopathy', 'flu shot with visit', 'anxiety', 'depression', 'epigastric pain', 'headache',
]

const PEDIATRICS: CatalogueEncounter[] = [
  { name: 'otitis media', diagnoses: ['H6691'], services: [], weight: 3 },
  { name: 'strep pharyngitis', diagnoses: ['J020'], services: [{ code: '87880', priceCents: 3_500, pointers: [1] }], weight: 3 },
  { name: 'upper respiratory infection', diagnoses: ['J069', 'R05'], services: [], weight: 4 },
  { name: 'fever', diagnoses: ['R509'], services: [{ code: '87804', priceCents: 4_000, pointers: [1] }], weight: 2 },
  { name: 'asthma exacerbation', diagnoses: ['J45909'], services: [{ code: '94640', priceCents: 5_500, pointers: [1], needsVisitModifier25: true }], weight: 2 },
  { name: 'vaccines with visit', diagnoses: ['Z23', 'J069'], services: [{ code: '90460', priceCents: 3_000, pointers: [1], needsVisitModifier25: true }, { code: '90707', priceCents: 9_500, pointers: [1] }], weight: 2 },
  { name: 'rash', diagnoses: ['R21'], services: [], weight: 1 },
]

const ORTHOPEDICS: CatalogueEncounter[] = [
  { name: 'knee osteoarthritis injection', diagnoses: ['M1711', 'M25561'], services: [{ code: '20610', priceCents: 22_000, pointers: [1, 2], needsVisitModifier25: true }, { code: 'J3301', priceCents: 400, units: [4, 8], pointers: [1] }], weight: 4 },
  { name: 'knee osteoarthritis x-ray', diagnoses: ['M1712'], services: [{ code: '73562', priceCents: 9_000, pointers: [1] }], weight: 2 },
  { name: 'ankle sprain', diagnoses: ['S93401A'], services: [{ code: '73610', priceCents: 8_500, pointers: [1] }], weight: 2 },
  { name: 'shoulder impingement injection', diagnoses: ['M7541', 'M25511'], services: [{ code: '20610', priceCents: 22_000, pointers: [1, 2], needsVisitModifier25: true }, { code: 'J3301', priceCents: 400, units: [4, 8], pointers: [1] }], weight: 2 },
  { name: 'shoulder pain x-ray', diagnoses: ['M25511'], services: [{ code: '73030', priceCents: 8_000, pointers: [1] }], weight: 2 },
  { name: 'carpal tunnel injection', diagnoses: ['G5601'], services: [{ code: '20526', priceCents: 18_000, pointers: [1], needsVisitModifier25: true }], weight: 1 },
  { name: 'low back pain with radiculopathy', diagnoses: ['M5416'], services: [{ code: '96372', priceCents: 4_000, pointers: [1], needsVisitModifier25: true }, { code: 'J1885', priceCents: 900, units: [1, 4], pointers: [1] }], weight: 2 },
]

const CARDIOLOGY: CatalogueEncounter[] = [
  { name: 'hypertension', diagnoses: ['I10', 'E785'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }], weight: 4 },
  { name: 'coronary artery disease', diagnoses: ['I2510', 'E785', 'I10'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }, { code: '93306', priceCents: 95_000, pointers: [1], priorAuth: true }], weight: 2 },
  { name: 'atrial fibrillation', diagnoses: ['I480'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }, { code: '85610', priceCents: 2_500, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }], weight: 3 },
  { name: 'heart failure', diagnoses: ['I509', 'I10'], services: [{ code: '83880', priceCents: 7_500, pointers: [1] }, { code: '36415', priceCents: 1_500, pointers: [1] }, { code: '93306', priceCents: 95_000, pointers: [1], priorAuth: true }], weight: 2 },
  { name: 'palpitations', diagnoses: ['R002'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }, { code: '93224', priceCents: 28_000, pointers: [1], priorAuth: true }], weight: 2 },
  { name: 'chest pain', diagnoses: ['R0789', 'I10'], services: [{ code: '93000', priceCents: 6_000, pointers: [1] }, { code: '93015', priceCents: 45_000, pointers: [1], priorAuth: true }], weight: 2 },
  { name: 'shortness of breath', diagnoses: ['R0602', 'I110'], services: [{ code: '93306', priceCents: 95_000, pointers: [1], priorAuth: true }], weight: 1 },
]

const DERMATOLOGY: CatalogueEncounter[] = [
  { name: 'seborrheic keratosis biopsy', diagnoses: ['L821'], services: [{ code: '11102', priceCents: 16_000, pointers: [1], needsVisitModifier25: true }], weight: 2 },
  { name: 'wart removal', diagnoses: ['B079'], services: [{ code: '17110', priceCents: 15_000, pointers: [1], needsVisitModifier25: true }], weight: 2 },
  { name: 'actinic keratosis destruction', diagnoses: ['L570'], services: [{ code: '17000', priceCents: 14_000, pointers: [1], needsVisitModifier25: true }, { code: '17003', priceCents: 2_000, units: [1, 6], pointers: [1] }], weight: 3 },
  { name: 'acne', diagnoses: ['L700'], services: [], weight: 2 },
  { name: 'dermatitis', diagnoses: ['L309'], services: [], weight: 2 },
  { name: 'psoriasis', diagnoses: ['L400'], services: [], weight: 1 },
  { name: 'lesion of uncertain behaviour biopsy', diagnoses: ['D485'], services: [{ code: '11102', priceCents: 16_000, pointers: [1], needsVisitModifier25: true }], weight: 2 },
]

/** Each specialty's case mix. Primary care reuses the demo catalogue, whose codes are already verified. */
export const SPECIALTY_ENCOUNTERS: Readonly<Record<Specialty, readonly CatalogueEncounter[]>> = {
  'family-medicine': [...fromDemo(null), ...PEDIATRICS.slice(0, 3)],
  'internal-medicine': fromDemo(ADULT_PRIMARY),
  pediatrics: PEDIATRICS,
  orthopedics: ORTHOPEDICS,
  cardiology: CARDIOLOGY,
  dermatology: DERMATOLOGY,
}

/** E/M office visits (new 9920x, established 9921x) with a typical charge and a weight per specialty. */
export const EM_VISITS: readonly { code: string; priceCents: number; minutes: readonly [number, number] }[] = [
  { code: '99202', priceCents: 9_500, minutes: [15, 29] },
  { code: '99203', priceCents: 14_000, minutes: [30, 44] },
  { code: '99204', priceCents: 21_000, minutes: [45, 59] },
  { code: '99205', priceCents: 27_500, minutes: [60, 74] },
  { code: '99211', priceCents: 4_500, minutes: [5, 9] },
  { code: '99212', priceCents: 8_000, minutes: [10, 19] },
  { code: '99213', priceCents: 12_500, minutes: [20, 29] },
  { code: '99214', priceCents: 18_500, minutes: [30, 39] },
  { code: '99215', priceCents: 25_000, minutes: [40, 54] },
]

/** Weights over EM_VISITS in the same order; specialists see more new patients and higher levels. */
export const EM_WEIGHTS: Readonly<Record<Specialty, readonly number[]>> = {
  'family-medicine': [3, 6, 3, 1, 2, 10, 30, 20, 5],
  'internal-medicine': [2, 5, 4, 1, 2, 6, 28, 26, 8],
  pediatrics: [4, 6, 2, 0.5, 3, 14, 32, 12, 2],
  orthopedics: [4, 10, 8, 2, 1, 8, 25, 18, 4],
  cardiology: [2, 8, 10, 4, 1, 4, 22, 28, 12],
  dermatology: [5, 10, 4, 1, 2, 14, 30, 12, 2],
}
