import { z } from 'zod'

/**
 * The answer of GET/POST /api/v1/admin/cut-rules as this page reads it. The API validates every
 * version with the cut policy's own schema; the page only needs to show what it got.
 */
const Tier = z.object({ minClaims: z.number(), maxClaims: z.number().nullable(), adjustBps: z.number() })
const Band = z.object({ minScore: z.number(), maxScore: z.number(), adjustBps: z.number() })
export const CutRuleVersionView = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  defaultCutBps: z.number(),
  minCutBps: z.number(),
  maxCutBps: z.number(),
  volumeTiers: z.array(Tier),
  riskBands: z.array(Band),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
})
export const CutRulesView = z.object({ versions: z.array(CutRuleVersionView), inForce: z.string(), today: z.string() })
export type CutRuleVersionView = z.infer<typeof CutRuleVersionView>
export type CutRulesView = z.infer<typeof CutRulesView>

export type VersionJson = { ok: true; value: unknown } | { ok: false; message: string }

/** The admin's JSON, read before it is sent: a syntax error is answered here, the rules by the API. */
export function parseVersionJson(text: string): VersionJson {
  if (!text.trim()) return { ok: false, message: 'Enter the new version as JSON.' }
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'The version must be one JSON object.' }
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : 'could not be read'}.` }
  }
}

/** A starting point for the next version: the one in force, renamed and dated tomorrow. */
export function nextVersionTemplate(current: CutRuleVersionView | undefined, today: string): string {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const base = current ?? { defaultCutBps: 500, minCutBps: 0, maxCutBps: 10_000, volumeTiers: [{ minClaims: 0, maxClaims: null, adjustBps: 0 }], riskBands: [{ minScore: 0, maxScore: 100, adjustBps: 0 }] }
  const { defaultCutBps, minCutBps, maxCutBps, volumeTiers, riskBands } = base
  return JSON.stringify({ version: tomorrow, effectiveFrom: tomorrow, defaultCutBps, minCutBps, maxCutBps, volumeTiers, riskBands }, null, 2)
}

/** "-25 bps" / "+100 bps" / "0 bps", as the cut explanations on payouts write adjustments. */
export function signedBps(bps: number): string {
  return bps > 0 ? `+${bps} bps` : `${bps} bps`
}
