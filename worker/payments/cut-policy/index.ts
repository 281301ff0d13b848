export { cutFor } from './cut-for'
export type { CutDecision, CutInput, CutOverride, CutPart, CutProblem, CutResult } from './cut-for'
export { DEFAULT_RULE_TABLE, parseRuleTable, RiskBand, RuleTable, RuleVersion, VolumeTier } from './rule-table'
export type { RuleTableParse } from './rule-table'
