import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { RuleVersion } from '../payments/cut-policy/rule-table'

/**
 * The cut rule versions admins publish (worker/payments/cut-policy). Append-only, like the ledger:
 * a payout records the version it was cut under, so a stored version must keep meaning what it meant
 * when that payout was made. A change is a new version with a later effective date.
 */
export const cutRuleVersions = sqliteTable('cut_rule_versions', {
  version: text('version').primaryKey(),
  /** YYYY-MM-DD (UTC): in force from this day until the next version's. */
  effectiveFrom: text('effective_from').notNull(),
  /** The whole RuleVersion as published, parsed again with the table on every read. */
  rules: text('rules', { mode: 'json' }).notNull().$type<RuleVersion>(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('cut_rule_versions_effective_from').on(t.effectiveFrom)])
