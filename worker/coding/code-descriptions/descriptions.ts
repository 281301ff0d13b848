import { HCPCS_DESCRIPTIONS } from '../generated/hcpcs-descriptions'
import { ICD10CM_DESCRIPTIONS } from '../generated/icd10cm-descriptions'
import { CPT_DESCRIPTIONS } from './cpt-descriptions'
import { decodeFrontCoded } from './front-coded'

type Loaded = { icd10: [string, string][]; icd10ByCode: Map<string, string>; procedures: Map<string, string> }

// Pure reference data decoded on first use (about 40 ms, 15 MB of strings): isolates that never code a
// note never pay for it. Nothing here depends on a request or a binding.
let cache: Loaded | undefined

function loaded(): Loaded {
  if (cache) return cache
  const icd10 = decodeFrontCoded(ICD10CM_DESCRIPTIONS)
  const procedures = new Map(decodeFrontCoded(HCPCS_DESCRIPTIONS))
  for (const [code, text] of Object.entries(CPT_DESCRIPTIONS)) procedures.set(code, text)
  cache = { icd10, icd10ByCode: new Map(icd10), procedures }
  return cache
}

/** Billable ICD-10-CM codes (no dot) with their official long description, in the order file's order. */
export function icd10Entries(): readonly (readonly [string, string])[] {
  return loaded().icd10
}

/** The official description of a billable ICD-10-CM code (with or without the dot); undefined otherwise. */
export function icd10Description(code: string): string | undefined {
  return loaded().icd10ByCode.get(code.replace('.', '').toUpperCase())
}

/** HCPCS Level II descriptor, or our own description for a supported CPT code; undefined otherwise. */
export function procedureDescription(code: string): string | undefined {
  return loaded().procedures.get(code.toUpperCase())
}
