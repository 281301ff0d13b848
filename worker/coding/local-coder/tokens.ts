/** A word of the input with its place in the original text, so that evidence can point back to it. */
export type Token = { term: string; start: number; end: number; alts?: readonly string[] }

// Words that carry no meaning for matching a diagnosis. "with"/"without" are left to the scorer's
// neutral words instead: ICD-10-CM titles hinge on them ("without complications").
const STOPWORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'to', 'for', 'on', 'at', 'by', 'as', 'is', 'are', 'was', 'be', 'due', 'from', 'his', 'her', 'pt', 'patient', 'has', 'have', 'which', 'that', 'this', 'my', 'i', 'also', 'very', 'some', 'bit', 'he', 'she', 'him', 'they', 'it', 'its', 'their', 'your', 'me', 'we', 'our', 'you', 'been', 'being', 'got', 'gets', 'getting', 'keeps', 'keep', 'lot', 'really', 'too', 'so'])

/** A light stemmer: plurals and a few endings, enough to make "lesions" meet "lesion". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('s') && !/(ss|us|is|as|os|ys)$/.test(word)) return word.slice(0, -1)
  return word
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g

/** Lower-cased, stemmed words without stopwords, each with its character span in `text`. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = []
  const lower = text.toLowerCase()
  for (const match of lower.matchAll(WORD)) {
    const raw = match[0].replace(/'s$/, '').replace("'", '')
    if (STOPWORDS.has(raw)) continue
    out.push({ term: stem(raw), start: offset + match.index, end: offset + match.index + match[0].length })
  }
  return out
}

/** Terms only, for indexing descriptions. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term)
}
