import type { ClaimInput, ClaimReason } from '../contracts'
import { icd10Status, isKnownProcedureCode } from './code-sets'
import { formatIcd10 } from './format-icd10'

export type CodeValidation = { ok: true } | { ok: false; reasons: ClaimReason[] }

/**
 * The interim coding stage: checks the codes the provider sent against the official code sets. It
 * suggests nothing; a header code or an unknown code is returned to the provider to correct, because
 * a payer rejects it at the front door (HIPAA requires billable ICD-10-CM codes).
 */
export function validateClaimCodes(input: ClaimInput): CodeValidation {
  const reasons: ClaimReason[] = [...diagnosisReasons(input.diagnoses), ...lineReasons(input)]
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons }
}

function diagnosisReasons(diagnoses: string[]): ClaimReason[] {
  const reasons: ClaimReason[] = []
  const firstPosition = new Map<string, number>()
  diagnoses.forEach((code, index) => {
    const position = index + 1
    const shown = formatIcd10(code)
    const key = shown.replace('.', '')
    const earlier = firstPosition.get(key)
    if (earlier !== undefined) {
      reasons.push({
        code: 'duplicate-diagnosis',
        message: `Diagnosis ${position} (${shown}) repeats diagnosis ${earlier}: list each diagnosis once and point lines to it.`,
      })
      return
    }
    firstPosition.set(key, position)
    const status = icd10Status(code)
    if (status === 'header') {
      reasons.push({
        code: 'icd10-not-billable',
        message: `Diagnosis ${position}: ${shown} is a category header, not billable: use a more specific code.`,
      })
    } else if (status === 'unknown') {
      reasons.push({
        code: 'icd10-unknown',
        message: `Diagnosis ${position}: ${shown} is not an ICD-10-CM code (checked against the FY2021 code set).`,
      })
    }
  })
  return reasons
}

function lineReasons(input: ClaimInput): ClaimReason[] {
  const reasons: ClaimReason[] = []
  input.lines.forEach((line, index) => {
    const lineNumber = index + 1
    if (!isKnownProcedureCode(line.procedureCode)) {
      reasons.push({
        code: 'procedure-unknown',
        message: `Line ${lineNumber}: procedure code ${line.procedureCode} is not a known CPT or HCPCS code.`,
      })
    }
    for (const pointer of line.diagnosisPointers) {
      if (pointer < 1 || pointer > input.diagnoses.length) {
        reasons.push({
          code: 'pointer-out-of-range',
          message: `Line ${lineNumber} points to diagnosis ${pointer}, but the claim lists ${input.diagnoses.length} diagnos${input.diagnoses.length === 1 ? 'is' : 'es'}.`,
        })
      }
    }
  })
  return reasons
}
