import { CPT_DESCRIPTIONS, icd10Entries, procedureDescription } from '../code-descriptions'
import { decodeGroupedCodes } from '../grouped-codes'
import { PROCEDURE_CODES } from '../generated/hcpcs-codes'
import { terms } from './tokens'

type Vectors = { codes: string[]; postings: Map<string, [doc: number, weight: number][]>; idf: Map<string, number> }

function build(docs: readonly (readonly [string, string])[]): Vectors {
  const df = new Map<string, number>()
  const docTerms = docs.map(([, text]) => terms(text))
  for (const list of docTerms) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1)
  const idf = new Map([...df].map(([t, n]) => [t, Math.log(docs.length / n) + 1]))
  const postings = new Map<string, [number, number][]>()
  docTerms.forEach((list, doc) => {
    for (const [term, weight] of normalise(weigh(list, idf))) {
      const p = postings.get(term) ?? []
      p.push([doc, weight])
      postings.set(term, p)
    }
  })
  return { codes: docs.map(([code]) => code), postings, idf }
}

function weigh(list: readonly string[], idf: ReadonlyMap<string, number>): Map<string, number> {
  const v = new Map<string, number>()
  for (const t of list) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? 0))
  return v
}

function normalise(v: Map<string, number>): Map<string, number> {
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1
  for (const [k, x] of v) v.set(k, x / norm)
  return v
}

function top(index: Vectors, text: string, limit: number): { code: string; score: number }[] {
  const q = normalise(weigh(terms(text), index.idf))
  const scores = new Map<number, number>()
  for (const [term, w] of q) for (const [doc, weight] of index.postings.get(term) ?? []) scores.set(doc, (scores.get(doc) ?? 0) + w * weight)
  return [...scores].map(([doc, score]) => ({ code: index.codes[doc]!, score })).sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1)).slice(0, limit)
}

let cache: { icd: Vectors; procedures: Vectors } | undefined

/**
 * The evaluation's baseline: plain TF-IDF cosine retrieval over the official titles, no synonyms, no
 * context, no rules. Each line of the text is a query whose best match counts if it is close enough.
 */
export function tfidfBaseline(text: string, limit = 5): { icd10: string[]; cpt: string[] } {
  cache ??= {
    icd: build(icd10Entries()),
    procedures: build([...decodeGroupedCodes(PROCEDURE_CODES)].flatMap((code) => {
      const description = CPT_DESCRIPTIONS[code] ?? procedureDescription(code)
      return description ? [[code, description] as const] : []
    })),
  }
  const lines = text.split(/\n/).filter((l) => l.trim() !== '')
  const pick = (index: Vectors, threshold: number) => {
    if (lines.length <= 1) return top(index, text, limit).map((h) => h.code)
    const out: string[] = []
    for (const line of lines) {
      const best = top(index, line, 1)[0]
      if (best && best.score >= threshold && !out.includes(best.code)) out.push(best.code)
    }
    return out.slice(0, limit)
  }
  return { icd10: pick(cache.icd, 0.5), cpt: pick(cache.procedures, 0.5) }
}
