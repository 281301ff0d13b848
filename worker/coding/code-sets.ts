import { ICD10CM_BILLABLE, ICD10CM_HEADERS } from './generated/icd10cm-billable'
import { PROCEDURE_CODES } from './generated/hcpcs-codes'
import { decodeGroupedCodes } from './grouped-codes'

export type Icd10Status = 'billable' | 'header' | 'unknown'

type CodeSets = { billable: Set<string>; headers: Set<string>; procedures: Set<string> }

// Pure reference data, built on first use (about 100k strings) so that isolates which never check a
// code never pay for it; nothing here depends on a request or a binding.
let cache: CodeSets | undefined

function codeSets(): CodeSets {
  cache ??= {
    billable: decodeGroupedCodes(ICD10CM_BILLABLE),
    headers: decodeGroupedCodes(ICD10CM_HEADERS),
    procedures: decodeGroupedCodes(PROCEDURE_CODES),
  }
  return cache
}

/** Claims carry ICD-10-CM without the dot; accept either spelling from callers. */
function normaliseIcd10(code: string): string {
  return code.trim().replace('.', '').toUpperCase()
}

export function icd10Status(code: string): Icd10Status {
  const normalised = normaliseIcd10(code)
  const sets = codeSets()
  if (sets.billable.has(normalised)) return 'billable'
  if (sets.headers.has(normalised)) return 'header'
  return 'unknown'
}

export function isBillableIcd10(code: string): boolean {
  return icd10Status(code) === 'billable'
}

export function isKnownProcedureCode(code: string): boolean {
  return codeSets().procedures.has(code.trim().toUpperCase())
}
