import { formatIcd10 } from '../../format-icd10'
import { inAnyIcd10Range } from '../icd10-range'
import { IMPLAUSIBLE_PAIRS } from '../plausibility-rules'
import { inAnyProcedureRange } from '../procedure-range'
import type { Edit } from '../types'
import { lineRef, procedureOf, type EditRule } from './edit-rule'

/** A line pointed at a diagnosis that cannot justify it (table in plausibility-rules.ts): a review, since only the pointer may be wrong. */
export const plausibilityRule: EditRule = (claim) => {
  const edits: Edit[] = []
  claim.lines.forEach((line, index) => {
    const code = procedureOf(line)
    for (const position of new Set(line.diagnosisPointers)) {
      const diagnosis = claim.diagnoses[position - 1]
      if (diagnosis === undefined) continue
      const pair = IMPLAUSIBLE_PAIRS.find((p) => inAnyProcedureRange(code, p.procedures) && inAnyIcd10Range(diagnosis, p.diagnoses))
      if (pair === undefined) continue
      edits.push({
        code: 'dx-procedure-implausible',
        severity: 'review',
        lines: [index + 1],
        diagnoses: [position],
        message: `${lineRef(index, line)} is ${pair.procedureLabel} but points to diagnosis ${position} (${formatIcd10(diagnosis)}), ${pair.diagnosisLabel}: point it to the diagnosis the service treated.`,
      })
    }
  })
  return edits
}
