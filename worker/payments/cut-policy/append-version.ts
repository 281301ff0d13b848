import { DEFAULT_RULE_TABLE, parseRuleTable, type RuleTable, RuleVersion } from './rule-table'

/**
 * Conflicts with what is stored (409 for the API) versus a version that can never be valid as sent
 * (422): an admin who meets a conflict reloads and retries; one who meets the other fixes the table.
 */
export type AppendProblem = 'version-exists' | 'not-after-last' | 'in-the-past' | 'invalid-rule-table'

export type AppendCheck = { ok: true; version: RuleVersion; table: RuleTable } | { ok: false; reason: AppendProblem; problems: string[] }

/**
 * The table in force: the built-in default first, then the versions admins stored. The default stays
 * at the bottom so that the days before the first published version still have rules: without it a
 * first version effective next month would leave no rules in effect (and no payouts) until then.
 */
export function tableOf(stored: readonly unknown[]): ReturnType<typeof parseRuleTable> {
  return parseRuleTable({ versions: [...DEFAULT_RULE_TABLE.versions, ...stored] })
}

/**
 * Whether `candidate` may be stored after `stored` (in date order) on `today` (YYYY-MM-DD, UTC): it
 * takes effect today or later (a payout already made under the rules in force stays explained by
 * them) and after every earlier version, and the table with it last must still parse as a whole.
 */
export function checkAppend(stored: readonly RuleVersion[], candidate: unknown, today: string): AppendCheck {
  const shape = RuleVersion.safeParse(candidate)
  if (!shape.success) return { ok: false, reason: 'invalid-rule-table', problems: shape.error.issues.map((i) => `${i.path.join('.') || '(version)'}: ${i.message}`) }
  const version = shape.data
  const existing = [...DEFAULT_RULE_TABLE.versions, ...stored]
  if (existing.some((v) => v.version === version.version)) return { ok: false, reason: 'version-exists', problems: [`version: ${version.version} already exists; versions are never changed, publish a new one`] }
  if (version.effectiveFrom < today) return { ok: false, reason: 'in-the-past', problems: [`effectiveFrom: ${version.effectiveFrom} is in the past; the earliest allowed is ${today}`] }
  const last = existing.at(-1)!
  if (version.effectiveFrom <= last.effectiveFrom) {
    return { ok: false, reason: 'not-after-last', problems: [`effectiveFrom: ${version.effectiveFrom} must be after ${last.effectiveFrom}, when version ${last.version} takes effect`] }
  }
  const table = parseRuleTable({ versions: [...existing, version] })
  if (!table.ok) return { ok: false, reason: 'invalid-rule-table', problems: table.problems }
  return { ok: true, version, table: table.table }
}
