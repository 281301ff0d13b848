import { defaultEditTables } from './default-edit-tables'
import type { EditTables } from './edit-tables'
import { codeSetRule } from './rules/code-set-rule'
import { demographicRule } from './rules/demographic-rule'
import { duplicateLineRule } from './rules/duplicate-line-rule'
import type { EditRule } from './rules/edit-rule'
import { modifier25Rule } from './rules/modifier-25-rule'
import { modifierStatusRule } from './rules/modifier-status-rule'
import { mueRule } from './rules/mue-rule'
import { ncciPtpRule } from './rules/ncci-ptp-rule'
import { plausibilityRule } from './rules/plausibility-rule'
import type { Edit, EditClaim } from './types'

const RULES: readonly EditRule[] = [codeSetRule, demographicRule, ncciPtpRule, modifier25Rule, mueRule, duplicateLineRule, modifierStatusRule, plausibilityRule]

/**
 * Every edit the claim fails, claim-level first, then in rule order. An empty list means the claim passes
 * the edits ClaimPay knows, not that a payer will pay it.
 */
export function runEdits(claim: EditClaim, tables: EditTables = defaultEditTables()): Edit[] {
  const edits = RULES.flatMap((rule) => rule(claim, tables))
  return withoutRestatedModifier25(edits)
}

// An E/M paired with a procedure by NCCI (indicator 1) and missing 25 fails both edits for one fix: keep the one that names the fix.
function withoutRestatedModifier25(edits: Edit[]): Edit[] {
  const covered = edits.filter((e) => e.code === 'em-modifier-25-missing').map((e) => new Set(e.lines))
  return edits.filter((e) => e.code !== 'ncci-ptp-modifier-needed' || !covered.some((lines) => e.lines.every((l) => lines.has(l))))
}
