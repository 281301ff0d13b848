import { LAY_TERM_ROWS } from './lay-terms'
import { WORD_SYNONYM_ROWS } from './word-synonyms'
import { NEUTRAL } from './neutral-words'
import { terms, type Token } from './tokens'

/** A lay term or abbreviation found in the text, and the code a coder would start from. */
export type ConceptHit = { code: string; start: number; end: number }

type Pattern = { words: readonly string[]; expansion: readonly string[]; code: string | null }

let patternsByFirstWord: Map<string, Pattern[]> | undefined

function patterns(): Map<string, Pattern[]> {
  if (patternsByFirstWord) return patternsByFirstWord
  const map = new Map<string, Pattern[]>()
  for (const row of LAY_TERM_ROWS) {
    const [termList = '', official = '', code = ''] = row.split('=>').map((part) => part.trim())
    // Neutral words ("unspecified") would pull every query toward the unspecified code even when the
    // note's own words name a specific one; the category boost already carries the concept.
    const expansion = terms(official).filter((t) => !NEUTRAL.has(t))
    for (const term of termList.split('|')) {
      const words = terms(term)
      if (words.length === 0) continue
      const list = map.get(words[0]!) ?? []
      list.push({ words, expansion, code: code === '' ? null : code.replace('.', '') })
      map.set(words[0]!, list)
    }
  }
  // Longest first, so that "ckd stage 3" wins over "ckd" and "cold sore" over "cold".
  for (const list of map.values()) list.sort((x, y) => y.words.length - x.words.length)
  return (patternsByFirstWord = map)
}

let wordSynonyms: Map<string, readonly string[]> | undefined

function synonymsOf(term: string): readonly string[] | undefined {
  if (!wordSynonyms) {
    wordSynonyms = new Map()
    for (const row of WORD_SYNONYM_ROWS) {
      const [words = '', targets = ''] = row.split('=>').map((part) => part.trim())
      const alts = terms(targets)
      for (const word of words.split('|')) for (const w of terms(word)) wordSynonyms.set(w, [...new Set([...(wordSynonyms.get(w) ?? []), ...alts])].filter((a) => a !== w))
    }
  }
  return wordSynonyms.get(term)
}

/**
 * Replaces lay terms and abbreviations by the official wording (keeping the span of the words they
 * replace, for evidence) and reports each concept found. Words that match nothing pass through.
 */
export function expandLayTerms(tokens: readonly Token[]): { tokens: Token[]; concepts: ConceptHit[] } {
  const out: Token[] = []
  const concepts: ConceptHit[] = []
  const byFirst = patterns()
  let i = 0
  while (i < tokens.length) {
    const candidates = byFirst.get(tokens[i]!.term)
    const match = candidates?.find((p) => p.words.every((w, k) => tokens[i + k]?.term === w))
    if (!match) {
      const alts = synonymsOf(tokens[i]!.term)
      out.push(alts && alts.length > 0 ? { ...tokens[i]!, alts } : tokens[i]!)
      i++
      continue
    }
    const start = tokens[i]!.start
    const end = tokens[i + match.words.length - 1]!.end
    for (const term of match.expansion) out.push({ term, start, end })
    if (match.code) concepts.push({ code: match.code, start, end })
    i += match.words.length
  }
  return { tokens: out, concepts }
}

/** Every (lay term, code) pair in the table, for tests that check the codes are billable. */
export function layTermCodes(): string[] {
  return [...new Set([...patterns().values()].flat().flatMap((p) => (p.code ? [p.code] : [])))]
}
