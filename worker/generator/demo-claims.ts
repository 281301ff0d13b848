import type { ClaimInput, ClaimLineInput } from '../contracts'
import {
  DEMO_COMORBIDITIES,
  DEMO_ENCOUNTERS,
  DEMO_HEADER_CODES,
  DEMO_PAYERS,
  DEMO_UNKNOWN_CODES,
  DEMO_VISITS,
  type DemoEncounter,
} from './demo-catalogue'
import { mulberry32, type Random } from './prng'

/** What is deliberately wrong with a demo claim, so the demo shows each kind of rejection. */
export type DemoFlaw = 'header-diagnosis' | 'unknown-diagnosis' | 'future-service-date' | 'stale-service-date'

export const DEMO_FLAWS: readonly DemoFlaw[] = ['header-diagnosis', 'unknown-diagnosis', 'future-service-date', 'stale-service-date']

export type DemoClaim = { claim: ClaimInput; flaw: DemoFlaw | null }

export type DemoClaimOptions = {
  seed: number
  count: number
  /** YYYY-MM-DD; service dates fall 1-30 days before it. */
  today: string
  /** Share of claims given a flaw, 0-1. */
  flawRate?: number
}

/**
 * Seeded demo claims for a practice's first look at the product: a stand-in for the synthetic
 * claims engine (scenarios, denial patterns, appeals), which replaces it. Office encounters with
 * plausible diagnoses, labs, injections and minor procedures; a share carry a flaw so that the
 * dashboard shows rejections and low scores as well as payouts. Same options, same claims.
 */
export function generateDemoClaims(options: DemoClaimOptions): DemoClaim[] {
  const random = mulberry32(options.seed)
  const flawRate = options.flawRate ?? 0.1
  return Array.from({ length: options.count }, (_, index) => {
    const claimNumber = `DEMO-${options.seed}-${String(index + 1).padStart(6, '0')}`
    const claim = cleanClaim(random, claimNumber, options.today)
    if (!random.chance(flawRate)) return { claim, flaw: null }
    const flaw = random.pick(DEMO_FLAWS)
    return { claim: withFlaw(random, claim, flaw, options.today), flaw }
  })
}

/**
 * Gives a share of claims (from any source, e.g. the synthetic engine) one of the demo flaws, so that a
 * demo shows rejections with their reasons next to payouts. Same options, same result.
 */
export function withDemoFlaws(claims: readonly ClaimInput[], options: { seed: number; today: string; flawRate: number }): DemoClaim[] {
  const random = mulberry32(options.seed)
  return claims.map((claim) => {
    if (!random.chance(options.flawRate)) return { claim, flaw: null }
    const flaw = random.pick(DEMO_FLAWS)
    return { claim: withFlaw(random, claim, flaw, options.today), flaw }
  })
}

/** Just the claims, for callers that do not care which ones are meant to fail. */
export function generateDemoClaimInputs(options: DemoClaimOptions): ClaimInput[] {
  return generateDemoClaims(options).map((demo) => demo.claim)
}

function cleanClaim(random: Random, claimNumber: string, today: string): ClaimInput {
  const encounter = random.pick(DEMO_ENCOUNTERS)
  const diagnoses = withComorbidity(random, encounter)
  const visit = weighted(random, DEMO_VISITS)
  const modifier25 = encounter.services.some((s) => s.needsVisitModifier25)
  const lines: ClaimLineInput[] = [
    {
      procedureCode: visit.code,
      modifiers: modifier25 ? ['25'] : [],
      units: 1,
      chargeCents: vary(random, visit.priceCents),
      diagnosisPointers: diagnoses.map((_, i) => i + 1).slice(0, 4),
    },
    ...encounter.services.map((service) => {
      const units = service.units ? random.int(service.units[0], service.units[1]) : 1
      return { procedureCode: service.code, modifiers: [], units, chargeCents: vary(random, service.priceCents) * units, diagnosisPointers: service.pointers }
    }),
  ]
  return {
    claimNumber,
    payer: weighted(random, DEMO_PAYERS).payer,
    serviceDate: addDays(today, -random.int(1, 30)),
    placeOfService: '11',
    diagnoses,
    lines,
  }
}

function withComorbidity(random: Random, encounter: DemoEncounter): string[] {
  const extra = random.pick(DEMO_COMORBIDITIES)
  return random.chance(0.3) && !encounter.diagnoses.includes(extra) ? [...encounter.diagnoses, extra] : [...encounter.diagnoses]
}

function withFlaw(random: Random, claim: ClaimInput, flaw: DemoFlaw, today: string): ClaimInput {
  switch (flaw) {
    case 'header-diagnosis':
      return { ...claim, diagnoses: [random.pick(DEMO_HEADER_CODES), ...claim.diagnoses.slice(1)] }
    case 'unknown-diagnosis':
      return { ...claim, diagnoses: [random.pick(DEMO_UNKNOWN_CODES), ...claim.diagnoses.slice(1)] }
    case 'future-service-date':
      return { ...claim, serviceDate: addDays(today, random.int(1, 5)) }
    case 'stale-service-date':
      return { ...claim, serviceDate: addDays(today, -random.int(120, 500)) }
  }
}

/** Practices set their own fees: a price varies by -10% to +15%, to the cent. */
function vary(random: Random, cents: number): number {
  return Math.max(1, Math.round((cents * random.int(9_000, 11_500)) / 10_000))
}

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0)
  let roll = random.next() * total
  for (const item of items) {
    roll -= item.weight
    if (roll < 0) return item
  }
  return random.pick(items)
}

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(time)) throw new RangeError(`not a date: ${date}`)
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10)
}
