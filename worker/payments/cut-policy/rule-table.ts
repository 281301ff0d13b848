import { z } from 'zod'
import { BPS_PER_WHOLE } from '../compute-payout'

/**
 * The cut rules admins edit: versioned, each version in force from its effective date until the next
 * one's. Parsed with zod at the edge (admin form, stored JSON) so cutFor can trust its shape: tiers and
 * bands must cover their whole range without gaps or overlaps, or some claim would get no rule or two.
 */

const Bps = z.int().min(0, 'must not be negative').max(BPS_PER_WHOLE, `must not exceed ${BPS_PER_WHOLE} bps (100%)`)
const AdjustBps = z.int().min(-BPS_PER_WHOLE).max(BPS_PER_WHOLE)
const IsoDate = z.iso.date('must be a date as YYYY-MM-DD')

/** By claims submitted by the provider in the last 30 days; maxClaims null = no upper bound (the last tier). */
export const VolumeTier = z.strictObject({ minClaims: z.int().min(0), maxClaims: z.int().min(0).nullable(), adjustBps: AdjustBps })

/** By risk score (0-100, higher is safer), bounds inclusive: 81-85 and 86-94 meet without a gap. */
export const RiskBand = z.strictObject({ minScore: z.int().min(0).max(100), maxScore: z.int().min(0).max(100), adjustBps: AdjustBps })

export const RuleVersion = z.strictObject({
  version: z.string().min(1),
  effectiveFrom: IsoDate,
  defaultCutBps: Bps,
  /** Bounds the result after adjustments, so stacked discounts cannot reach 0% (or surcharges 100%) by accident. */
  minCutBps: Bps.default(0),
  maxCutBps: Bps.default(BPS_PER_WHOLE),
  volumeTiers: z.array(VolumeTier).min(1, 'needs at least one volume tier'),
  riskBands: z.array(RiskBand).min(1, 'needs at least one risk band'),
})

export const RuleTable = z
  .strictObject({ versions: z.array(RuleVersion).min(1, 'needs at least one version') })
  .superRefine((table, ctx) => {
    const seen = new Set<string>()
    table.versions.forEach((v, i) => {
      if (seen.has(v.version)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'version'], message: `version ${v.version} appears twice` })
      seen.add(v.version)
      const previous = table.versions[i - 1]
      if (previous && v.effectiveFrom <= previous.effectiveFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'effectiveFrom'],
          message: `effective dates out of order: ${v.version} (${v.effectiveFrom}) must be after ${previous.version} (${previous.effectiveFrom})`,
        })
      }
      if (v.minCutBps > v.maxCutBps) ctx.addIssue({ code: 'custom', path: ['versions', i, 'minCutBps'], message: `minCutBps ${v.minCutBps} is above maxCutBps ${v.maxCutBps}` })
      for (const message of tierProblems(v.volumeTiers)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'volumeTiers'], message })
      for (const message of bandProblems(v.riskBands)) ctx.addIssue({ code: 'custom', path: ['versions', i, 'riskBands'], message })
    })
  })

export type VolumeTier = z.infer<typeof VolumeTier>
export type RiskBand = z.infer<typeof RiskBand>
export type RuleVersion = z.infer<typeof RuleVersion>
export type RuleTable = z.infer<typeof RuleTable>

function tierProblems(tiers: readonly VolumeTier[]): string[] {
  const sorted = [...tiers].sort((a, b) => a.minClaims - b.minClaims)
  const problems: string[] = []
  if (sorted.length === 0) return problems
  if (sorted[0]!.minClaims !== 0) problems.push(`volume tiers must start at 0 claims, the first starts at ${sorted[0]!.minClaims}`)
  sorted.forEach((t, i) => {
    const label = `tier ${t.minClaims}-${t.maxClaims ?? '∞'}`
    if (t.maxClaims !== null && t.maxClaims < t.minClaims) problems.push(`${label} ends before it starts`)
    const next = sorted[i + 1]
    if (!next) {
      if (t.maxClaims !== null) problems.push(`the last volume tier must be open-ended (maxClaims null), ${label} is not`)
      return
    }
    if (t.maxClaims === null) problems.push(`only the last volume tier may be open-ended, ${label} is followed by another`)
    else if (next.minClaims > t.maxClaims + 1) problems.push(`gap in volume tiers: ${t.maxClaims + 1}-${next.minClaims - 1} claims have no tier`)
    else if (next.minClaims <= t.maxClaims) problems.push(`overlapping volume tiers: ${label} and tier starting at ${next.minClaims}`)
  })
  return problems
}

function bandProblems(bands: readonly RiskBand[]): string[] {
  const sorted = [...bands].sort((a, b) => a.minScore - b.minScore)
  const problems: string[] = []
  if (sorted.length === 0) return problems
  if (sorted[0]!.minScore !== 0) problems.push(`risk bands must start at score 0, the first starts at ${sorted[0]!.minScore}`)
  if (sorted.at(-1)!.maxScore !== 100) problems.push(`risk bands must end at score 100, the last ends at ${sorted.at(-1)!.maxScore}`)
  sorted.forEach((b, i) => {
    if (b.maxScore < b.minScore) problems.push(`band ${b.minScore}-${b.maxScore} ends before it starts`)
    const next = sorted[i + 1]
    if (!next) return
    if (next.minScore > b.maxScore + 1) problems.push(`gap in risk bands: scores ${b.maxScore + 1}-${next.minScore - 1} have no band`)
    else if (next.minScore <= b.maxScore) problems.push(`overlapping risk bands: ${b.minScore}-${b.maxScore} and ${next.minScore}-${next.maxScore}`)
  })
  return problems
}

export type RuleTableParse = { ok: true; table: RuleTable } | { ok: false; reason: 'invalid-rule-table'; problems: string[] }

/** Errors as `path: message` lines an admin form can show next to the field. */
export function parseRuleTable(input: unknown): RuleTableParse {
  const parsed = RuleTable.safeParse(input)
  if (parsed.success) return { ok: true, table: parsed.data }
  return { ok: false, reason: 'invalid-rule-table', problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(table)'}: ${i.message}`) }
}

/** In force until admins publish a table: 500 bps for every claim. */
export const DEFAULT_RULE_TABLE: RuleTable = {
  versions: [
    {
      version: 'default',
      effectiveFrom: '2000-01-01',
      defaultCutBps: 500,
      minCutBps: 0,
      maxCutBps: BPS_PER_WHOLE,
      volumeTiers: [{ minClaims: 0, maxClaims: null, adjustBps: 0 }],
      riskBands: [{ minScore: 0, maxScore: 100, adjustBps: 0 }],
    },
  ],
}
