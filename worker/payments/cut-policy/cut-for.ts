import { BPS_PER_WHOLE } from '../compute-payout'
import type { RuleTable, RuleVersion } from './rule-table'

/**
 * A provider's negotiated rate. 'fixed': the contract sets the cut and no rule moves it. 'base': it
 * replaces the default and the volume and risk rules still adjust it.
 */
export type CutOverride = { cutBps: number; kind: 'fixed' | 'base' }

export type CutInput = {
  providerId: string
  override: CutOverride | null
  /** Claims the provider submitted in the 30 days before `on`. */
  volume30d: number
  /** The claim's risk score, 0-100, higher is safer. */
  score: number
  /** The day the payout is decided: picks the rule version in force (UTC date). */
  on: Date | string
  table: RuleTable
}

export type CutPart =
  | { source: 'default' | 'override'; bps: number }
  | { source: 'volume'; tier: string; bps: number }
  | { source: 'risk'; band: string; bps: number }
  | { source: 'bounded'; from: number; to: number }

export type CutDecision = {
  ok: true
  cutBps: number
  ruleVersion: string
  /** One line, recorded on the payout, so a provider asking "why 6%?" gets the answer the system used. */
  explanation: string
  parts: CutPart[]
}

export type CutProblem = 'invalid-override' | 'invalid-volume' | 'invalid-score' | 'invalid-date' | 'no-rules-in-effect'

export type CutResult = CutDecision | { ok: false; reason: CutProblem; message: string }

/** The cut for one payout. `table` must come from parseRuleTable (or be DEFAULT_RULE_TABLE). */
export function cutFor(input: CutInput): CutResult {
  const { providerId, override, volume30d, score, table } = input
  if (override && (!Number.isInteger(override.cutBps) || override.cutBps < 0 || override.cutBps > BPS_PER_WHOLE)) {
    return problem('invalid-override', `override for provider ${providerId} must be whole bps from 0 to ${BPS_PER_WHOLE}, got ${override.cutBps}`)
  }
  if (!Number.isSafeInteger(volume30d) || volume30d < 0) return problem('invalid-volume', `30-day volume must be a whole number of claims, got ${volume30d}`)
  if (!Number.isInteger(score) || score < 0 || score > 100) return problem('invalid-score', `risk score must be a whole number from 0 to 100, got ${score}`)
  const day = utcDay(input.on)
  if (day === null) return problem('invalid-date', 'the payout date is not a valid date')
  const rules = versionOn(table, day)
  if (!rules) return problem('no-rules-in-effect', `no cut rule version is in effect on ${day}`)

  if (override?.kind === 'fixed') {
    return decided(override.cutBps, rules.version, [{ source: 'override', bps: override.cutBps }], `fixed ${override.cutBps} bps by agreement with provider ${providerId}`)
  }
  const base: CutPart = override ? { source: 'override', bps: override.cutBps } : { source: 'default', bps: rules.defaultCutBps }
  const tier = rules.volumeTiers.find((t) => volume30d >= t.minClaims && (t.maxClaims === null || volume30d <= t.maxClaims))!
  const band = rules.riskBands.find((b) => score >= b.minScore && score <= b.maxScore)!
  const parts: CutPart[] = [
    base,
    { source: 'volume', tier: `${tier.minClaims}-${tier.maxClaims ?? '∞'} claims`, bps: tier.adjustBps },
    { source: 'risk', band: `score ${band.minScore}-${band.maxScore}`, bps: band.adjustBps },
  ]
  const raw = base.bps + tier.adjustBps + band.adjustBps
  const cut = Math.min(rules.maxCutBps, Math.max(rules.minCutBps, raw))
  if (cut !== raw) parts.push({ source: 'bounded', from: raw, to: cut })
  return decided(cut, rules.version, parts, explain(parts, cut, rules.version))
}

/** The latest version whose effective date is on or before the day (versions are in date order). */
function versionOn(table: RuleTable, day: string): RuleVersion | undefined {
  return table.versions.filter((v) => v.effectiveFrom <= day).at(-1)
}

/** The version in force on a day (what an admin sees as "current"); undefined before the first one. */
export function versionInForce(table: RuleTable, on: Date | string): RuleVersion | undefined {
  const day = utcDay(on)
  return day === null ? undefined : versionOn(table, day)
}

function utcDay(on: Date | string): string | null {
  const date = typeof on === 'string' ? new Date(on.length === 10 ? `${on}T00:00:00Z` : on) : on
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

function explain(parts: CutPart[], cut: number, version: string): string {
  const words = parts.map((p) => {
    switch (p.source) {
      case 'default':
        return `default ${p.bps}`
      case 'override':
        return `provider rate ${p.bps}`
      case 'volume':
        return `volume ${p.tier} ${signed(p.bps)}`
      case 'risk':
        return `risk ${p.band} ${signed(p.bps)}`
      case 'bounded':
        return `bounded ${p.from} to ${p.to}`
    }
  })
  return `${words.join(', ')} = ${cut} bps (rules ${version})`
}

function signed(bps: number): string {
  return bps < 0 ? `${bps}` : `+${bps}`
}

function decided(cutBps: number, ruleVersion: string, parts: CutPart[], explanation: string): CutDecision {
  return { ok: true, cutBps, ruleVersion, explanation, parts }
}

function problem(reason: CutProblem, message: string): CutResult {
  return { ok: false, reason, message }
}
