import type { ClaimLineInput } from '../../contracts'
import { DEMO_COMORBIDITIES } from '../demo-catalogue'
import type { Random } from '../prng'
import { CHARGE_VARIANCE, EM_VISITS, EM_WEIGHTS, SPECIALTY_ENCOUNTERS, type CatalogueEncounter } from './catalogue'
import { dayOfWeek, type EpochDay } from './dates'
import { vary, weightedIndex } from './distributions'
import type { Specialty } from './specialties'

export type Encounter = {
  name: string
  specialty: Specialty
  diagnoses: string[]
  /** Line 1 is always the E/M visit. */
  lines: ClaimLineInput[]
  placeOfService: string
  /** Face-to-face and non-face-to-face time on the day, as documented for E/M by time. */
  minutes: number
  /** Whether a procedure on the same day makes the visit need modifier 25. */
  needsModifier25: boolean
  /** Line numbers (1-based) of services the plan pre-authorises. */
  priorAuthLines: number[]
  serviceDay: EpochDay
  /** Minute of the day the patient arrived (local clinic time). */
  arrivalMinute: number
}

const CHRONIC_SPECIALTIES: ReadonlySet<Specialty> = new Set(['family-medicine', 'internal-medicine', 'cardiology'])

const encounterWeights = new Map<Specialty, number[]>()
function weightsOf(specialty: Specialty): number[] {
  let w = encounterWeights.get(specialty)
  if (!w) encounterWeights.set(specialty, (w = SPECIALTY_ENCOUNTERS[specialty].map((e) => e.weight)))
  return w
}

/** Clinic hours 8:00-18:00, busiest mid-morning, a lunch dip. */
const HOUR_WEIGHTS = [12, 14, 13, 11, 6, 9, 11, 10, 8, 6]

export function arrivalMinute(random: Random): number {
  return (8 + weightedIndex(random, HOUR_WEIGHTS)) * 60 + random.int(0, 59)
}

/** Sunday .. Saturday: weekday heavy, Monday busiest, a Saturday clinic, almost nothing on Sunday. */
const WEEKDAY_SHAPE = [0.02, 1.15, 1.05, 1, 1, 0.85, 0.12]

/** Claims on one day for a practice averaging `claimsPerDay` on weekdays. */
export function dailyVolume(random: Random, claimsPerDay: number, day: EpochDay): number {
  return Math.round(claimsPerDay * (WEEKDAY_SHAPE[dayOfWeek(day)] ?? 1) * (0.85 + 0.3 * random.next()))
}

export function generateEncounter(random: Random, specialty: Specialty, serviceDay: EpochDay, age: number): Encounter {
  const pick: CatalogueEncounter = SPECIALTY_ENCOUNTERS[specialty][weightedIndex(random, weightsOf(specialty))]!
  const diagnoses = [...pick.diagnoses]
  if (age >= 18 && CHRONIC_SPECIALTIES.has(specialty) && random.chance(0.35)) {
    const extra = random.pick(DEMO_COMORBIDITIES)
    if (!diagnoses.includes(extra)) diagnoses.push(extra)
  }
  const em = EM_VISITS[weightedIndex(random, EM_WEIGHTS[specialty])]!
  const needsModifier25 = pick.services.some((s) => s.needsVisitModifier25)
  const lines: ClaimLineInput[] = [
    {
      procedureCode: em.code,
      modifiers: needsModifier25 ? ['25'] : [],
      units: 1,
      chargeCents: vary(random, em.priceCents, CHARGE_VARIANCE),
      diagnosisPointers: diagnoses.slice(0, 4).map((_, i) => i + 1),
    },
  ]
  const priorAuthLines: number[] = []
  for (const service of pick.services) {
    const units = service.units ? random.int(service.units[0], service.units[1]) : 1
    lines.push({ procedureCode: service.code, modifiers: [], units, chargeCents: vary(random, service.priceCents, CHARGE_VARIANCE) * units, diagnosisPointers: [...service.pointers] })
    if (service.priorAuth) priorAuthLines.push(lines.length)
  }
  return {
    name: pick.name,
    specialty,
    diagnoses,
    lines,
    placeOfService: pick.placeOfService ?? '11',
    minutes: random.int(em.minutes[0], em.minutes[1]),
    needsModifier25,
    priorAuthLines,
    serviceDay,
    arrivalMinute: arrivalMinute(random),
  }
}
