import type { Random } from '../prng'
import type { EpochDay } from './dates'
import type { DenialPattern } from './denials'
import type { PayerProfile } from './payers'

/**
 * Share of appeals that win, by pattern: a missing modifier is fixed by a corrected claim, a medical
 * necessity argument rarely wins, a late claim almost never does.
 */
export const DEFAULT_OVERTURN_RATES: Readonly<Record<DenialPattern, number>> = {
  'missing-modifier-25': 0.7,
  'unbundled-ncci': 0.45,
  'incomplete-documentation': 0.4,
  'prior-auth-required': 0.3,
  'exceeds-mue': 0.5,
  'not-medically-necessary': 0.2,
  'timely-filing': 0.1,
  eligibility: 0.35,
  duplicate: 0.05,
}

/** How readily a practice appeals each pattern, relative to the payer's appeal rate. */
export const APPEAL_PROPENSITY: Readonly<Record<DenialPattern, number>> = {
  'missing-modifier-25': 1.3,
  'unbundled-ncci': 1,
  'incomplete-documentation': 1.3,
  'prior-auth-required': 1,
  'exceeds-mue': 0.9,
  'not-medically-necessary': 1.1,
  'timely-filing': 0.5,
  eligibility: 0.7,
  duplicate: 0.2,
}

export type Appeal = {
  filedOn: string
  resolvedOn: string
  overturned: boolean
  /** What the payer pays after a won appeal (the allowed amount less patient share of the denied lines). */
  recoveredCents: number
}

export type AppealDecision = { filedDay: EpochDay; resolvedDay: EpochDay; overturned: boolean }

/** Whether the practice appeals, and how it ends: filed 3-20 days after the denial, resolved 10-30 days later. */
export function decideAppeal(random: Random, pattern: DenialPattern, payer: PayerProfile, deniedDay: EpochDay, overturnRate: number, appealRateScale: number): AppealDecision | null {
  if (!random.chance(Math.min(1, payer.appealRate * APPEAL_PROPENSITY[pattern] * appealRateScale))) return null
  const filedDay = deniedDay + random.int(3, 20)
  return {
    filedDay,
    resolvedDay: filedDay + random.int(10, 30),
    overturned: random.chance(Math.min(1, overturnRate * payer.overturnMultiplier)),
  }
}
