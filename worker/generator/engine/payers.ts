import type { ClaimInput } from '../../contracts'
import type { DenialPattern } from './denials'

export type PayerKind = 'commercial' | 'medicare' | 'medicaid'

export type PayerProfile = {
  payer: ClaimInput['payer']
  kind: PayerKind
  /** Allowed amount as a share of the billed charge, in basis points; each code sits at a fixed point in the range. */
  allowedBps: readonly [min: number, max: number]
  /** Days from submission to the 835, triangular (Medicare cannot pay a clean electronic claim before day 14). */
  daysToPayment: { min: number; mode: number; max: number }
  /** Days from the service date the payer accepts a claim. */
  timelyFilingDays: number
  /** Multiplier on every pattern's frequency: how strict the payer is overall. */
  denialMultiplier: number
  /** Extra multipliers for single patterns (Medicare does not pre-authorise office services). */
  patternMultipliers: Partial<Record<DenialPattern, number>>
  /** Share of this payer's denials the practice appeals (before the pattern's own propensity). */
  appealRate: number
  /** Multiplier on the pattern's overturn rate. */
  overturnMultiplier: number
  /** Patient responsibility on allowed amounts: copay on the visit line, coinsurance on the rest. */
  copayCents: number
  coinsuranceBps: number
}

/** Payer ids as clearinghouses list them (the same as the demo catalogue); profiles are illustrative. */
export const PAYER_PROFILES: readonly PayerProfile[] = [
  {
    payer: { id: '12502', name: 'Medicare Part B (Novitas JL)' },
    kind: 'medicare',
    allowedBps: [3_800, 4_800],
    daysToPayment: { min: 14, mode: 16, max: 30 },
    timelyFilingDays: 365,
    denialMultiplier: 0.85,
    patternMultipliers: { 'prior-auth-required': 0 },
    appealRate: 0.6,
    overturnMultiplier: 1,
    copayCents: 0,
    coinsuranceBps: 2_000,
  },
  {
    payer: { id: '87726', name: 'UnitedHealthcare' },
    kind: 'commercial',
    allowedBps: [5_500, 7_000],
    daysToPayment: { min: 7, mode: 14, max: 45 },
    timelyFilingDays: 90,
    denialMultiplier: 1.15,
    patternMultipliers: {},
    appealRate: 0.55,
    overturnMultiplier: 0.95,
    copayCents: 3_000,
    coinsuranceBps: 0,
  },
  {
    payer: { id: '60054', name: 'Aetna' },
    kind: 'commercial',
    allowedBps: [5_800, 7_500],
    daysToPayment: { min: 7, mode: 12, max: 40 },
    timelyFilingDays: 90,
    denialMultiplier: 1,
    patternMultipliers: {},
    appealRate: 0.55,
    overturnMultiplier: 1,
    copayCents: 2_500,
    coinsuranceBps: 0,
  },
  {
    payer: { id: '62308', name: 'Cigna' },
    kind: 'commercial',
    allowedBps: [6_000, 7_800],
    daysToPayment: { min: 10, mode: 18, max: 50 },
    timelyFilingDays: 90,
    denialMultiplier: 1.05,
    patternMultipliers: { 'not-medically-necessary': 1.3 },
    appealRate: 0.5,
    overturnMultiplier: 1.05,
    copayCents: 3_500,
    coinsuranceBps: 0,
  },
  {
    payer: { id: 'TXMCD', name: 'Texas Medicaid' },
    kind: 'medicaid',
    allowedBps: [3_000, 4_000],
    daysToPayment: { min: 10, mode: 25, max: 60 },
    timelyFilingDays: 95,
    denialMultiplier: 1.35,
    patternMultipliers: { eligibility: 1.8 },
    appealRate: 0.45,
    overturnMultiplier: 0.9,
    copayCents: 0,
    coinsuranceBps: 0,
  },
]

/** Commercial payers by market share, for patients under 65 not on Medicaid. */
export const COMMERCIAL_WEIGHTS: readonly number[] = [45, 35, 20]

/** Where in the payer's allowed range one code sits: fixed per code, like a real fee schedule. */
export function allowedBpsFor(profile: PayerProfile, procedureCode: string): number {
  let h = 2_166_136_261
  for (let i = 0; i < procedureCode.length; i++) h = Math.imul(h ^ procedureCode.charCodeAt(i), 16_777_619)
  for (let i = 0; i < profile.payer.id.length; i++) h = Math.imul(h ^ profile.payer.id.charCodeAt(i), 16_777_619)
  const [min, max] = profile.allowedBps
  return min + ((h >>> 0) % (max - min + 1))
}
