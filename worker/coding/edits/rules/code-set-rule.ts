import { icd10Status, isKnownProcedureCode } from '../../code-sets'
import { formatIcd10 } from '../../format-icd10'
import type { Edit } from '../types'
import { lineRef, procedureOf, type EditRule } from './edit-rule'

/** A payer rejects a claim at the front door for a header code, an unknown code or a pointer to nothing (HIPAA code sets). */
export const codeSetRule: EditRule = (claim, tables) => {
  const edits: Edit[] = []
  claim.diagnoses.forEach((code, index) => {
    const status = icd10Status(code)
    const shown = formatIcd10(code)
    if (status === 'header') {
      edits.push({
        code: 'dx-header',
        severity: 'deny',
        lines: [],
        diagnoses: [index + 1],
        message: `Diagnosis ${index + 1}: ${shown} is a category header, not a billable code; code it to the highest specificity documented.`,
      })
    } else if (status === 'unknown') {
      edits.push({
        code: 'dx-unknown',
        severity: 'deny',
        lines: [],
        diagnoses: [index + 1],
        message: `Diagnosis ${index + 1}: ${shown} is not an ICD-10-CM code; check it for a typo.`,
      })
    }
  })
  claim.lines.forEach((line, index) => {
    const code = procedureOf(line)
    if (!isKnownProcedureCode(code) && !tables.procedureCodes.has(code)) {
      edits.push({
        code: 'procedure-unknown',
        severity: 'deny',
        lines: [index + 1],
        diagnoses: [],
        message: `${lineRef(index, line)}: ${code} is not a known CPT or HCPCS code; check it for a typo.`,
      })
    }
    const outOfRange = line.diagnosisPointers.filter((p) => !Number.isInteger(p) || p < 1 || p > claim.diagnoses.length)
    if (outOfRange.length > 0) {
      const count = claim.diagnoses.length
      edits.push({
        code: 'dx-pointer-out-of-range',
        severity: 'deny',
        lines: [index + 1],
        diagnoses: [],
        message: `${lineRef(index, line)} points to diagnosis ${outOfRange.join(', ')}, but the claim lists ${count} diagnos${count === 1 ? 'is' : 'es'}.`,
      })
    }
  })
  return edits
}
