import { mulberry32, type Random } from '../prng'
import { epochDayOf, isoDateOf, type EpochDay } from './dates'
import { weightedIndex } from './distributions'
import { COMMERCIAL_WEIGHTS, PAYER_PROFILES, type PayerProfile } from './payers'
import { AGE_MIX, type Specialty } from './specialties'

export type Coverage = {
  payerId: string
  memberId: string
  /** Last day of coverage, or null while active. Services after it are denied for eligibility (CARC 27). */
  endsOn: string | null
}

export type Patient = {
  id: string
  firstName: string
  lastName: string
  sex: 'F' | 'M'
  birthDate: string
  address: { line1: string; city: string; state: string; zip: string }
  coverage: Coverage
}

const FEMALE = ['Mary', 'Linda', 'Maria', 'Aisha', 'Emily', 'Sofia', 'Grace', 'Mei', 'Olivia', 'Fatima', 'Hannah', 'Rosa', 'Priya', 'Chloe', 'Ava', 'Nora']
const MALE = ['James', 'Robert', 'Jose', 'Ahmed', 'David', 'Wei', 'Daniel', 'Liam', 'Noah', 'Carlos', 'Samuel', 'Omar', 'Ethan', 'Raj', 'Lucas', 'Henry']
const LAST = ['Smith', 'Johnson', 'Garcia', 'Nguyen', 'Brown', 'Patel', 'Kim', 'Martinez', 'Davis', 'Lopez', 'Wilson', 'Okafor', 'Chen', 'Anderson', 'Thomas', 'Haddad', 'Moore', 'Silva', 'Clark', 'Rivera']
const STREETS = ['Main St', 'Oak Ave', 'Elm St', 'Park Rd', 'Cedar Ln', 'Lake Dr', 'Hill St', 'Maple Ave', 'River Rd', 'Sunset Blvd']
/** Medicare Beneficiary Identifier letters: S, L, O, I, B and Z are never used. */
const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY'
const ALNUM = `${MBI_LETTERS}0123456789`

export type PatientOptions = { specialty: Specialty; asOf: EpochDay; index: number; state: string; city: string }

function digits(random: Random, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + random.int(0, 9))
  return s
}

/** Member ids in each payer's own shape: an MBI for Medicare, a prefixed number for commercial plans. */
export function memberIdFor(random: Random, profile: PayerProfile): string {
  if (profile.kind === 'medicare') {
    const l = () => MBI_LETTERS[random.int(0, MBI_LETTERS.length - 1)]
    const a = () => ALNUM[random.int(0, ALNUM.length - 1)]
    return `${random.int(1, 9)}${l()}${a()}${random.int(0, 9)}${l()}${a()}${random.int(0, 9)}${l()}${l()}${random.int(0, 9)}${random.int(0, 9)}`
  }
  if (profile.kind === 'medicaid') return digits(random, 9)
  return `${profile.payer.name.slice(0, 1).toUpperCase()}${profile.payer.id.slice(0, 2)}${digits(random, 9)}`
}

/** Medicare from 65, Medicaid for a share of children and adults, commercial plans for the rest. */
export function payerForAge(random: Random, age: number): PayerProfile {
  const byKind = (kind: PayerProfile['kind']) => PAYER_PROFILES.filter((p) => p.kind === kind)
  if (age >= 65 && random.chance(0.85)) return byKind('medicare')[0]!
  if (random.chance(age < 18 ? 0.45 : 0.15)) return byKind('medicaid')[0]!
  const commercial = byKind('commercial')
  return commercial[weightedIndex(random, COMMERCIAL_WEIGHTS)]!
}

export function generatePatient(random: Random, options: PatientOptions): Patient {
  const bands = AGE_MIX[options.specialty]
  const band = bands[weightedIndex(random, bands.map((b) => b[2]))]!
  const birthDay = options.asOf - Math.floor(band[0] * 365.2425) - random.int(0, Math.floor((band[1] - band[0] + 1) * 365.2425) - 1)
  const sex = random.chance(0.52) ? 'F' : 'M'
  const profile = payerForAge(random, Math.floor((options.asOf - birthDay) / 365.2425))
  return {
    id: `pat_${options.index.toString(36).padStart(5, '0')}`,
    firstName: random.pick(sex === 'F' ? FEMALE : MALE),
    lastName: random.pick(LAST),
    sex,
    birthDate: isoDateOf(birthDay),
    address: { line1: `${random.int(1, 9999)} ${random.pick(STREETS)}`, city: options.city, state: options.state, zip: digits(random, 5) },
    coverage: { payerId: profile.payer.id, memberId: memberIdFor(random, profile), endsOn: null },
  }
}

/** A practice's patient panel, generated once per history so memory does not grow with the claims. */
export function generatePatientPanel(options: { seed: number; size: number; specialty: Specialty; asOf: string; state: string; city: string }): Patient[] {
  const random = mulberry32(options.seed ^ 0x9a71_e475)
  const asOf = epochDayOf(options.asOf)
  return Array.from({ length: options.size }, (_, index) => generatePatient(random, { specialty: options.specialty, asOf, index, state: options.state, city: options.city }))
}
