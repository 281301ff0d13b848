import { icd10Entries } from '../code-descriptions'
import { Bm25Index } from './bm25-index'
import { terms } from './tokens'

/** The official ICD-10-CM titles, indexed for retrieval; codes without the dot, in order-file order. */
export type DiagnosisIndex = { codes: readonly string[]; titles: readonly string[]; index: Bm25Index; docOf: ReadonlyMap<string, number> }

// Built once per isolate on first use (measured in README.md); pure data, no binding.
let cache: DiagnosisIndex | undefined

export function diagnosisIndex(): DiagnosisIndex {
  if (cache) return cache
  const entries = icd10Entries()
  const codes = entries.map(([code]) => code)
  const titles = entries.map(([, title]) => title)
  cache = { codes, titles, index: new Bm25Index(titles.map((title) => terms(title))), docOf: new Map(codes.map((code, doc) => [code, doc])) }
  return cache
}
