import type { ClaimInput, ClaimReason } from '../contracts'
import { isOfficeVisitCode, needsSeparateVisitModifier } from './procedure-kinds'
import { RULE_LIMITS, SCORE_RULES, type ScoreRule } from './score-rules'

export type RuleScoreInput = {
  claim: ClaimInput
  /** The submission date, YYYY-MM-DD: passed in so that a retried message scores the same. */
  today: string
  /** Claims this provider has sent today, this one included; omitted when unknown. */
  receivedToday?: number
}

export type RuleScore = { score: number; reasons: ClaimReason[] }

/**
 * A transparent rule score (0-100) standing in until the gradient-boosted model lands: start at 100
 * and take off the points of every rule the claim trips (SCORE_RULES), each with a reason saying why.
 */
export function scoreClaimByRules({ claim, today, receivedToday }: RuleScoreInput): RuleScore {
  const reasons: ClaimReason[] = []
  let score = 100
  const apply = (rule: ScoreRule, why: string) => {
    score -= rule.points
    reasons.push({ code: rule.code, message: `${why} (\u2212${rule.points} points)` })
  }

  const age = daysBetween(claim.serviceDate, today)
  if (age !== undefined && age > RULE_LIMITS.filingDaysRisk) {
    apply(SCORE_RULES.filingLate90, `Submitted ${age} days after the date of service; many payers allow ${RULE_LIMITS.filingDaysRisk}.`)
  }
  if (age !== undefined && age > RULE_LIMITS.filingDaysExpired) {
    apply(SCORE_RULES.filingLate365, `Submitted ${age} days after the date of service, past Medicare\u2019s one-year filing limit.`)
  }

  const lines = claim.lines.map((line, index) => ({ ...line, number: index + 1 }))
  const visitsWithout25 = lines.filter((l) => isOfficeVisitCode(l.procedureCode) && !l.modifiers.includes('25'))
  const procedure = lines.find((l) => needsSeparateVisitModifier(l.procedureCode))
  const [visit] = visitsWithout25
  if (visit && procedure) {
    apply(
      SCORE_RULES.emWithoutModifier25,
      `Line ${visit.number} (${visit.procedureCode}) is billed with ${procedure.procedureCode} on line ${procedure.number} without modifier 25; the payer is likely to bundle the visit.`,
    )
  }

  const overUnits = lines.filter((l) => l.units > (isOfficeVisitCode(l.procedureCode) ? RULE_LIMITS.evaluationUnitsCap : RULE_LIMITS.lineUnitsCap))
  if (overUnits.length > 0) {
    apply(SCORE_RULES.unitsAboveCap, `${describeLines(overUnits, (l) => `${l.units} units of ${l.procedureCode}`)} above the usual maximum.`)
  }

  const expensive = lines.filter((l) => l.chargeCents > RULE_LIMITS.lineChargeCents)
  if (expensive.length > 0) {
    apply(SCORE_RULES.highLineCharge, `${describeLines(expensive, (l) => `${l.procedureCode} at ${dollars(l.chargeCents)}`)}: above $5,000.00 for one line.`)
  }

  if (lines.length > RULE_LIMITS.maxLines) {
    apply(SCORE_RULES.manyLines, `The claim has ${lines.length} service lines; more than ${RULE_LIMITS.maxLines} are often split or reviewed.`)
  }

  if (receivedToday !== undefined && receivedToday > RULE_LIMITS.dailyClaims) {
    apply(SCORE_RULES.unusualDailyVolume, `This is claim ${receivedToday} from the practice today, more than the usual ${RULE_LIMITS.dailyClaims}.`)
  }

  return { score: Math.max(0, Math.min(100, Math.round(score))), reasons }
}

function describeLines<T extends { number: number }>(lines: T[], describe: (line: T) => string): string {
  return lines.map((l) => `Line ${l.number}: ${describe(l)}`).join('; ')
}

function daysBetween(from: string, to: string): number | undefined {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined
  return Math.round((end - start) / 86_400_000)
}

function dollars(cents: number): string {
  return `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`
}
