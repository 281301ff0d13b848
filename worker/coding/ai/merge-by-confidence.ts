import { icd10Status, isKnownProcedureCode } from '../code-sets'
import type { CodeSuggestion } from './code-suggestion'

/**
 * One list from the local engines' codes and the AI's: a code proposed by both keeps the more confident
 * proposal whole (its engine, confidence and evidence); a tie goes to the local engine, which can explain
 * itself. AI codes are checked against the code sets again here, so an unvalidated AI code can never
 * reach a claim through this door. Diagnoses first, each system by confidence, highest first.
 */
export function mergeByConfidence(localCodes: readonly CodeSuggestion[], aiCodes: readonly CodeSuggestion[]): CodeSuggestion[] {
  const best = new Map<string, CodeSuggestion>()
  for (const suggestion of [...localCodes, ...aiCodes.filter(isValidCode)]) {
    // Engines may spell E11.9 with or without the dot: one code either way.
    const key = `${suggestion.system}|${suggestion.code.replace('.', '').toUpperCase()}`
    const earlier = best.get(key)
    if (earlier === undefined || suggestion.confidence > earlier.confidence) best.set(key, suggestion)
  }
  const bySystemThenConfidence = (a: CodeSuggestion, b: CodeSuggestion) =>
    a.system === b.system ? b.confidence - a.confidence : a.system === 'icd10cm' ? -1 : 1
  return [...best.values()].sort(bySystemThenConfidence)
}

function isValidCode(suggestion: CodeSuggestion): boolean {
  const confident = Number.isFinite(suggestion.confidence) && suggestion.confidence >= 0 && suggestion.confidence <= 1
  const known = suggestion.system === 'icd10cm' ? icd10Status(suggestion.code) === 'billable' : isKnownProcedureCode(suggestion.code)
  return confident && known
}
