import type { ClaimLineInput } from '../../contracts'
import type { Random } from '../prng'
import { DENIAL_CODES, DENIAL_PATTERNS, NCCI_MODIFIER_ALLOWED_CARC, patternFrequency, type DenialPattern } from './denials'
import type { Encounter } from './encounters'
import { learningFactor, type LearningState } from './learning'
import { MUE_LIMITS, ncciPairsOn } from './ncci-edits'
import type { PayerProfile } from './payers'
import type { Scenario } from './scenario'
import type { Denial } from './history-record'

export type InjectionContext = {
  encounter: Encounter
  payer: PayerProfile
  monthsElapsed: number
  learning: LearningState
  scenario: Scenario
  /** Whether an earlier claim exists that this one could duplicate. */
  hasPrevious: boolean
  serviceDate: string
}

/** Whether a pattern can occur on this claim at all. */
function applies(pattern: DenialPattern, ctx: InjectionContext): boolean {
  switch (pattern) {
    case 'missing-modifier-25':
      return ctx.encounter.needsModifier25
    case 'prior-auth-required':
      return ctx.encounter.priorAuthLines.length > 0
    case 'duplicate':
      return ctx.hasPrevious
    case 'unbundled-ncci':
      return ncciPairsOn(ctx.serviceDate).length > 0
    default:
      return true
  }
}

/**
 * At most one pattern per claim: one draw against the patterns' cumulative frequencies, each the
 * scenario's setting decayed by month, scaled by the payer and by the provider's learning.
 */
export function choosePattern(random: Random, ctx: InjectionContext): DenialPattern | null {
  const u = random.next()
  let cumulative = 0
  for (const pattern of DENIAL_PATTERNS) {
    if (!applies(pattern, ctx)) continue
    const payerMultiplier = ctx.payer.denialMultiplier * (ctx.payer.patternMultipliers[pattern] ?? 1)
    cumulative += patternFrequency(ctx.scenario.patterns[pattern], ctx.monthsElapsed, payerMultiplier, learningFactor(ctx.learning, pattern))
    if (u < cumulative) return pattern
  }
  return null
}

/** Before the note is written: a diagnosis that does not support the service it points at. */
export function injectUnsupportedDiagnosis(random: Random, encounter: Encounter): { line: number } {
  const unsupported = random.pick(['Z87891', 'E559', 'G4733'].filter((c) => !encounter.diagnoses.includes(c)))
  encounter.diagnoses.push(unsupported)
  const line = encounter.lines.length
  const target = encounter.lines[line - 1]!
  target.diagnosisPointers = [Math.min(12, encounter.diagnoses.length)]
  return { line }
}

/**
 * After the note: the billing error on the claim lines, and the denial the payer will answer with.
 * Claim-level patterns (documentation, filing, eligibility, duplicate) leave the lines alone.
 */
export function injectLineError(random: Random, pattern: DenialPattern, lines: ClaimLineInput[], encounter: Encounter, serviceDate: string, unsupportedLine: number): Denial {
  const codes = DENIAL_CODES[pattern]
  const all = lines.map((_, i) => i + 1)
  const denial = (denied: number[], detail: string, carc: string = codes.carc): Denial => ({ pattern, carc, rarc: [...codes.rarc], lines: denied, detail })
  switch (pattern) {
    case 'missing-modifier-25':
      lines[0]!.modifiers = lines[0]!.modifiers.filter((m) => m !== '25')
      return denial([1], `E/M ${lines[0]!.procedureCode} billed with a same-day procedure without modifier 25`)
    case 'unbundled-ncci': {
      const pair = random.pick(ncciPairsOn(serviceDate))
      lines.push({ procedureCode: pair.column1, modifiers: [], units: 1, chargeCents: random.int(12_000, 18_000), diagnosisPointers: [1] })
      lines.push({ procedureCode: pair.column2, modifiers: [], units: 1, chargeCents: random.int(6_000, 10_000), diagnosisPointers: [1] })
      const carc = pair.modifierIndicator === 1 ? NCCI_MODIFIER_ALLOWED_CARC : codes.carc
      return denial([lines.length], `NCCI PTP edit ${pair.column1}/${pair.column2} (modifier indicator ${pair.modifierIndicator})`, carc)
    }
    case 'exceeds-mue': {
      const limit = random.pick(MUE_LIMITS)
      const units = limit.units + random.int(1, 3)
      lines.push({ procedureCode: limit.code, modifiers: [], units, chargeCents: random.int(5_000, 9_000) * units, diagnosisPointers: [1] })
      return denial([lines.length], `${units} units of ${limit.code} against an MUE of ${limit.units}`)
    }
    case 'prior-auth-required': {
      const line = encounter.priorAuthLines[0]!
      return denial([line], `${lines[line - 1]!.procedureCode} without a prior authorisation number`)
    }
    case 'not-medically-necessary':
      return denial([unsupportedLine], `${lines[unsupportedLine - 1]!.procedureCode} points only at a diagnosis that does not support it`)
    case 'incomplete-documentation':
      return denial(all, 'records requested: the note lacks the exam and the documented time for the visit level')
    case 'timely-filing':
      return denial(all, '')
    case 'eligibility':
      return denial(all, '')
    case 'duplicate':
      return denial(all, '')
  }
}
