import { REPEAT_MODIFIERS, hasAny } from '../modifiers'
import type { Edit } from '../types'
import { lineDate, lineRef, modifiersOf, procedureOf, type EditRule } from './edit-rule'

/**
 * The same code with the same modifiers on the same day is a duplicate to a payer (denied as CARC 18)
 * unless a repeat modifier (76, 77, 91) says the service was performed again.
 */
export const duplicateLineRule: EditRule = (claim) => {
  const edits: Edit[] = []
  const first = new Map<string, number>()
  claim.lines.forEach((line, index) => {
    const modifiers = modifiersOf(line)
    if (hasAny(modifiers, REPEAT_MODIFIERS)) return
    const key = [procedureOf(line), lineDate(claim, line), ...[...modifiers].sort()].join('|')
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, index)
      return
    }
    edits.push({
      code: 'duplicate-line',
      severity: 'deny',
      lines: [earlier + 1, index + 1],
      diagnoses: [],
      message: `${lineRef(index, line)} repeats line ${earlier + 1} (same code, modifiers and date): bill the units on one line, or add 76/77/91 if the service was really repeated.`,
    })
  })
  return edits
}
