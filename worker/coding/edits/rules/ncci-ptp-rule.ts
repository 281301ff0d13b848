import { inForce } from '../dates'
import { ptpKey } from '../edit-tables'
import { NCCI_ASSOCIATED_MODIFIERS, SEPARATE_EM_MODIFIERS } from '../modifiers'
import { isEvaluationAndManagement } from '../procedure-groups'
import type { PtpPair } from '../ptp-pair'
import type { Edit, EditLine } from '../types'
import { lineDate, lineRef, lineRefInSentence, modifiersOf, procedureOf, type EditRule } from './edit-rule'

/**
 * NCCI procedure-to-procedure edits: for two lines on the same day, a pair in force means column 2 is
 * not paid with column 1. Indicator 0: never. Indicator 1: only when an NCCI-associated modifier says
 * the services were distinct. Indicator 9: the edit does not apply.
 */
export const ncciPtpRule: EditRule = (claim, tables) => {
  const edits: Edit[] = []
  const lines = claim.lines
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!
      const b = lines[j]!
      const date = lineDate(claim, a)
      if (date !== lineDate(claim, b)) continue
      const forward = pairInForce(tables.ptp.get(ptpKey(procedureOf(a), procedureOf(b))), date)
      const backward = pairInForce(tables.ptp.get(ptpKey(procedureOf(b), procedureOf(a))), date)
      const found = forward ? { pair: forward, c1: i, c2: j } : backward ? { pair: backward, c1: j, c2: i } : undefined
      if (found === undefined || found.pair.modifierIndicator === 9) continue
      const col1 = lines[found.c1]!
      const col2 = lines[found.c2]!
      const involved = [found.c1 + 1, found.c2 + 1].sort((x, y) => x - y)
      if (found.pair.modifierIndicator === 0) {
        edits.push({
          code: 'ncci-ptp-bundled',
          severity: 'deny',
          lines: involved,
          diagnoses: [],
          message: `${lineRef(found.c2, col2)} is bundled into ${lineRefInSentence(found.c1, col1)} on the same day (NCCI edit, modifier indicator 0): it is not paid separately and no modifier changes that; remove it.`,
        })
      } else if (!bypassedByModifier(col1, col2)) {
        edits.push({
          code: 'ncci-ptp-modifier-needed',
          severity: 'deny',
          lines: involved,
          diagnoses: [],
          message: `${lineRef(found.c2, col2)} is bundled into ${lineRefInSentence(found.c1, col1)} on the same day (NCCI edit, modifier indicator 1): if it was a distinct service (other site, session or encounter), add 59 or XE/XS/XP/XU to line ${found.c2 + 1} as documented; otherwise remove it.`,
        })
      }
    }
  }
  return edits
}

function pairInForce(periods: readonly PtpPair[] | undefined, date: string): PtpPair | undefined {
  return periods?.find((p) => inForce(p, date))
}

function bypassedByModifier(col1: EditLine, col2: EditLine): boolean {
  return [col1, col2].some((line) =>
    modifiersOf(line).some((m) => NCCI_ASSOCIATED_MODIFIERS.has(m) && (!SEPARATE_EM_MODIFIERS.has(m) || isEvaluationAndManagement(procedureOf(line)))),
  )
}
