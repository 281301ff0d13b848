import { diagnosisIndex } from './description-index'
import { layTermCodes, type ConceptHit } from './lay-term-matcher'
import type { Token } from './tokens'
import { NEUTRAL } from './neutral-words'

/**
 * A candidate code for one stretch of text, best first. `exact`: the text is the title word for word;
 * `complete`: every informative word of the title is in the text, and the title names a condition (two
 * informative words besides laterality, or one that is not a body part with "disorder of").
 */
export type RankedDiagnosis = { code: string; score: number; exact: boolean; complete: boolean }


// Titles for a later encounter or a sequela are wrong unless the note says so.
const LATER_ENCOUNTER = /\b(?:subsequent|sequela)\b/

// Obstetric, perinatal and external-cause chapters: rarely right unless the text says so.
const CONTEXT_CHAPTERS: readonly [RegExp, RegExp][] = [
  [/^O/, /pregnan|gestation|trimester|obstetric|labor|delivery|postpartum|puerper/],
  [/^P/, /newborn|neonat|perinatal|birth/],
  [/^[VWXY]/, /accident|fall|struck|collision|assault|bite/],
]

const UNKNOWN_WORD_WEIGHT = 1.5
const COMMON_WORD_DOCS = 4_000
// Laterality is in thousands of titles, so its idf is low, yet a documented side must pick the code.
const LATERALITY: ReadonlySet<string> = new Set(['right', 'left', 'bilateral'])
const LATERALITY_WEIGHT = 4
// "Unspecified disorder of right ear" names a body part, not a condition: one word is not enough for it.
const VAGUE_TITLE = /\b(?:disorders?|diseases?|conditions?|injury|injuries)\b/i

let byCategory: Map<string, number[]> | undefined

/** Documents whose code starts with a three-character category. */
function categoryDocs(head: string): readonly number[] {
  if (!byCategory) {
    byCategory = new Map()
    diagnosisIndex().codes.forEach((code, doc) => {
      const list = byCategory!.get(code.slice(0, 3)) ?? []
      list.push(doc)
      byCategory!.set(code.slice(0, 3), list)
    })
  }
  return byCategory.get(head) ?? []
}

let common: Set<string> | undefined
const commonCodes = () => (common ??= new Set(layTermCodes()))

/**
 * Retrieval over the official titles, then a rerank that asks two questions BM25 does not: how much of
 * what the text says does the title cover, and how much does the title add that the text never said
 * (laterality, a complication, a 7th-character encounter). Lay-term concepts lift their whole category,
 * so the documented specificity still chooses within it.
 */
export function rankDiagnoses(tokens: readonly Token[], concepts: readonly ConceptHit[], limit = 5): RankedDiagnosis[] {
  const { codes, titles, index } = diagnosisIndex()
  // Numbers alone (a list number, "stage 3" without "stage") never name a diagnosis.
  if (concepts.length === 0 && !tokens.some((t) => /[a-z]{2}/.test(t.term))) return []
  // One group per word of the text: the word and the title words that mean the same. A group counts as
  // covered when the title holds any of them. Words the titles never use weigh little, so that "at
  // church" does not decide between two codes.
  const groupMap = new Map<string, Set<string>>()
  for (const t of tokens) {
    const group = groupMap.get(t.term) ?? new Set([t.term])
    for (const alt of t.alts ?? []) group.add(alt)
    groupMap.set(t.term, group)
  }
  const groups = [...groupMap.values()].map((g) => [...g])
  const weights = groups.map((g) => {
    const known = g.filter((term) => index.docsWith(term).length > 0).map((term) => index.idf(term))
    if (g.some((term) => LATERALITY.has(term))) return LATERALITY_WEIGHT
    return known.length === 0 ? UNKNOWN_WORD_WEIGHT : Math.max(...known)
  })
  const query = [...new Set(groups.flat())]
  if (query.length === 0 && concepts.length === 0) return []
  const queryText = query.join(' ')
  const querySet = new Set(query)
  const queryIdf = weights.reduce((sum, w) => sum + w, 0) || 1
  // Words in thousands of titles ("unspecified", "right", "encounter") cost most and rank nothing:
  // candidates come from the rarer words, and the common ones still count in the rerank below.
  const rare = query.filter((term) => !NEUTRAL.has(term) && index.docsWith(term).length <= COMMON_WORD_DOCS)
  const candidates = new Set(index.search(query, 120, rare.length > 0 ? rare : query).map((hit) => hit.doc))
  const conceptCodes = new Set(concepts.map((c) => c.code))
  const conceptHeads = new Set(concepts.map((c) => c.code.slice(0, 3)))
  if (conceptCodes.size > 0) {
    for (const head of conceptHeads) for (const doc of categoryDocs(head)) candidates.add(doc)
  }
  const ranked: RankedDiagnosis[] = []
  for (const doc of candidates) {
    const code = codes[doc]!
    const docTerms = index.docTerms(doc)
    let covered = 0
    groups.forEach((group, g) => {
      if (group.some((term) => docTerms.includes(term))) covered += weights[g]!
    })
    let extra = 0
    let informative = 0
    let informativeWords = 0
    for (const term of docTerms) {
      if (NEUTRAL.has(term)) continue
      if (!LATERALITY.has(term)) informativeWords++
      const idf = index.idf(term)
      informative += idf
      if (!querySet.has(term)) extra += idf
    }
    const coverage = covered / queryIdf
    const precision = informative === 0 ? 1 : 1 - extra / informative
    let score = 0.7 * coverage + 0.3 * precision
    if (conceptHeads.has(code.slice(0, 3))) score += 0.25
    if (conceptCodes.has(code)) score += 0.03
    if (coverage > 0.999 && precision > 0.999) score += 0.1
    if (commonCodes().has(code)) score += 0.04
    for (const [chapter, cue] of CONTEXT_CHAPTERS) if (chapter.test(code) && !cue.test(queryText)) score -= 0.15
    if (!LATER_ENCOUNTER.test(queryText) && (docTerms.includes('subsequent') || docTerms.includes('sequela'))) score -= 0.1
    ranked.push({ code, score, exact: coverage > 0.999 && precision > 0.999, complete: precision > 0.999 && (informativeWords >= 2 || (informativeWords === 1 && !VAGUE_TITLE.test(titles[doc]!))) })
  }
  ranked.sort((x, y) => y.score - x.score || x.code.length - y.code.length || (x.code < y.code ? -1 : 1))
  return ranked.slice(0, limit)
}
