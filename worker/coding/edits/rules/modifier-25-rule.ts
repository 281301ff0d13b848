import { SEPARATE_EM_MODIFIERS, hasAny } from '../modifiers'
import { bundlesSameDayEm, isEvaluationAndManagement } from '../procedure-groups'
import type { Edit } from '../types'
import { lineDate, lineRef, listLines, modifiersOf, procedureOf, type EditRule } from './edit-rule'

/**
 * An E/M on the day of a procedure is part of the procedure's global package unless modifier 25 says it
 * was significant and separately identifiable (57 when it was the decision for major surgery). Without
 * one, the payer pays the procedure and denies the visit.
 */
export const modifier25Rule: EditRule = (claim) => {
  const edits: Edit[] = []
  claim.lines.forEach((line, index) => {
    if (!isEvaluationAndManagement(procedureOf(line)) || hasAny(modifiersOf(line), SEPARATE_EM_MODIFIERS)) return
    const date = lineDate(claim, line)
    const procedures = claim.lines.flatMap((other, j) => (j !== index && lineDate(claim, other) === date && bundlesSameDayEm(procedureOf(other)) ? [j + 1] : []))
    if (procedures.length === 0) return
    edits.push({
      code: 'em-modifier-25-missing',
      severity: 'deny',
      lines: [index + 1, ...procedures].sort((a, b) => a - b),
      diagnoses: [],
      message: `${lineRef(index, line)} is a visit billed with a procedure on the same day (${listLines(procedures)}) but has no modifier 25: add 25 if the note documents a significant, separately identifiable visit, otherwise remove the visit.`,
    })
  })
  return edits
}
