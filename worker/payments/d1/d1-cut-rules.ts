import { and, asc, count, eq, gte, lt } from 'drizzle-orm'
import { cutSchema, openDb, schema } from '../../db'
import { appendAudit } from '../../identity'
import { type AppendProblem, checkAppend, cutFor, type CutResult, providerOverride, type RuleTable, type RuleVersion, tableOf } from '../cut-policy'

const { cutRuleVersions } = cutSchema
const { claims } = schema

/** The window the volume tiers count over (cut-policy: "claims submitted in the last 30 days"). */
const VOLUME_WINDOW_DAYS = 30
const DAY_MS = 86_400_000

export type CutRulesRead = { ok: true; table: RuleTable; stored: number } | { ok: false; reason: 'invalid-rule-table'; problems: string[] }

export type CutRulesAppend = { ok: true; version: RuleVersion; table: RuleTable } | { ok: false; reason: AppendProblem; problems: string[] }

/** The cut rule versions in D1, read as one table (the built-in default first), appended to, never changed. */
export function createD1CutRules(d1: D1Database) {
  const db = openDb(d1)
  const storedVersions = async () => (await db.select({ rules: cutRuleVersions.rules }).from(cutRuleVersions).orderBy(asc(cutRuleVersions.effectiveFrom))).map((r) => r.rules)

  return {
    /** Parsed again on every read: a row that no longer parses stops payouts instead of paying under a guess. */
    async table(): Promise<CutRulesRead> {
      const stored = await storedVersions()
      const parsed = tableOf(stored)
      return parsed.ok ? { ok: true, table: parsed.table, stored: stored.length } : parsed
    },

    /** Who published each stored version, and when (the built-in default has no row). */
    async published(): Promise<{ version: string; createdBy: string; createdAt: string }[]> {
      return db.select({ version: cutRuleVersions.version, createdBy: cutRuleVersions.createdBy, createdAt: cutRuleVersions.createdAt }).from(cutRuleVersions).orderBy(asc(cutRuleVersions.effectiveFrom))
    },

    async append(candidate: unknown, by: string, at: Date): Promise<CutRulesAppend> {
      const stored = await storedVersions()
      const check = checkAppend(stored, candidate, at.toISOString().slice(0, 10))
      if (!check.ok) return check
      const { version } = check
      // Guarded in SQL as well: an admin appending at the same moment cannot slip a version in
      // between this read and this write.
      const inserted = await d1
        .prepare(
          `INSERT INTO cut_rule_versions (version, effective_from, rules, created_by, created_at)
           SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM cut_rule_versions WHERE version = ?1 OR effective_from >= ?2)`,
        )
        .bind(version.version, version.effectiveFrom, JSON.stringify(version), by, at.toISOString())
        .run()
      if (inserted.meta.changes !== 1) return { ok: false, reason: 'not-after-last', problems: ['versions: another version was published at the same time; reload and try again'] }
      await appendAudit(db, [{ actor: by, action: 'cut.rules.version-added', subjectType: 'cut-rule-version', subjectId: version.version, detail: { effectiveFrom: version.effectiveFrom } }], at)
      return check
    },

    /** Claims the provider created in the 30 days before `on`'s UTC day (that day's own claims not yet counted). */
    async volume30d(providerId: string, on: Date): Promise<number> {
      const dayStart = Date.UTC(on.getUTCFullYear(), on.getUTCMonth(), on.getUTCDate())
      const from = new Date(dayStart - VOLUME_WINDOW_DAYS * DAY_MS).toISOString()
      const to = new Date(dayStart).toISOString()
      const [row] = await db
        .select({ n: count() })
        .from(claims)
        .where(and(eq(claims.providerId, providerId), gte(claims.createdAt, from), lt(claims.createdAt, to)))
      return row?.n ?? 0
    },
  }
}

export type D1CutRules = ReturnType<typeof createD1CutRules>

/**
 * The pipeline's cut: the rule table, the provider's stored rate and its 30-day volume, read together,
 * decided by the pure cutFor. `defaultCutBps` is the rate signup gives every provider (see providerOverride).
 */
export function d1CutDecider(d1: D1Database, defaultCutBps: number) {
  const rules = createD1CutRules(d1)
  const db = openDb(d1)
  return async (claim: { providerId: string; score: number | null }, on: Date): Promise<CutResult> => {
    const [read, provider, volume30d] = await Promise.all([
      rules.table(),
      db.query.providers.findFirst({ columns: { cutBps: true }, where: eq(schema.providers.id, claim.providerId) }),
      rules.volume30d(claim.providerId, on),
    ])
    if (!read.ok) return { ok: false, reason: 'no-rules-in-effect', message: `the stored cut rules do not parse: ${read.problems.join('; ')}` }
    return cutFor({
      providerId: claim.providerId,
      override: providerOverride(provider?.cutBps, defaultCutBps),
      volume30d,
      // A claim reaches payout scored; a missing score must refuse, not be taken for 0 or 100.
      score: claim.score ?? Number.NaN,
      on,
      table: read.table,
    })
  }
}
