import { SPECIALTY_ENCOUNTERS } from '../../generator/engine/catalogue'
import { DEFAULT_PATTERN_FREQUENCIES, DENIAL_CODES, type DenialPattern } from '../../generator/engine/denials'
import type { Denial } from '../../generator/engine/history-record'
import type { PayerProfile } from '../../generator/engine/payers'
import type { X12Claim837 } from '../x12/model'

const DAY_MS = 86_400_000
const isEvaluationAndManagement = (code: string) => /^992(0[2-5]|1[1-5])$/.test(code)

/** Services that make a same-day E/M visit need modifier 25 (minor procedures, injections, vaccine administration), as the generator's catalogue marks them. */
const NEEDS_VISIT_MODIFIER_25 = new Set(Object.values(SPECIALTY_ENCOUNTERS).flatMap((list) => list.flatMap((e) => e.services.filter((s) => s.needsVisitModifier25).map((s) => s.code))))

/** A uniform draw in [0, 1) fixed by the claim and the pattern, so a re-run adjudicates the same way. */
function draw(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash / 0x1_0000_0000
}

function denial(pattern: DenialPattern, lines: number[], detail: string): Denial {
  const codes = DENIAL_CODES[pattern]
  return { pattern, carc: codes.carc, rarc: [...codes.rarc], lines, detail }
}

/**
 * The payer's edits, checked as a payer would: first the mechanisms it can see on the claim itself
 * (filing late, an E/M visit billed with a minor procedure and no modifier 25), then the ones that depend on
 * what the payer knows and ClaimPay does not (documentation, medical necessity, eligibility), drawn at
 * the generator's default frequencies scaled by the payer's strictness.
 */
export function decideDenial(claim: X12Claim837, payer: PayerProfile, receivedOn: string): Denial | null {
  const all = claim.lines.map((l) => l.lineNumber)
  const serviceDate = claim.lines[0]?.serviceDate
  if (serviceDate && Date.parse(receivedOn) - Date.parse(serviceDate) > payer.timelyFilingDays * DAY_MS) {
    return denial('timely-filing', all, `received more than ${payer.timelyFilingDays} days after the service`)
  }
  const visit = claim.lines.find((l) => isEvaluationAndManagement(l.procedureCode))
  const hasProcedure = claim.lines.some((l) => NEEDS_VISIT_MODIFIER_25.has(l.procedureCode))
  if (visit && hasProcedure && !visit.modifiers.includes('25')) {
    return denial('missing-modifier-25', [visit.lineNumber], 'E/M visit on the day of a procedure without modifier 25')
  }
  const drawn: DenialPattern[] = ['incomplete-documentation', 'not-medically-necessary', 'eligibility']
  let cumulative = 0
  const u = draw(`${claim.claimId}:${payer.payer.id}`)
  for (const pattern of drawn) {
    cumulative += DEFAULT_PATTERN_FREQUENCIES[pattern] * payer.denialMultiplier * (payer.patternMultipliers[pattern] ?? 1)
    if (u < cumulative) {
      const scope = DENIAL_CODES[pattern].scope
      return denial(pattern, scope === 'claim' ? all : [all[all.length - 1]!], `payer review: ${pattern}`)
    }
  }
  return null
}
