import type { Detection } from '../types'
import { AMBIGUOUS_FIRST_NAMES } from './first-names'
import { everyWord, isCapitalised, withoutPossessive } from './name-word'
import { NOT_NAMES } from './not-names'

// Surnames and given names that are also ordinary words: matched only when capitalised, so a patient
// called Brown does not take "brown discharge" with her.
const COMMON_WORDS = new Set(
  `brown white black green gray grey young king hill wood woods stone rose long short bell lane hall ford cook baker
price rice bush park love page fox wolf hunt rich golden snow frost lake field marsh banks north south west east
little small strong sharp best good wise bright swift sweet bond case cross mill miller mason hardy moody
gay guy fry bass pike rock rush shaw ward weeks may will bill mark hope joy grace faith april june dawn summer`
    .split(/\s+/)
    .filter((w) => w.length > 0),
)

export type KnownName = { lower: string; capitalsOnly: boolean }

/** The words of names the claim already knows (patient, providers, relatives), without titles and credentials. */
export function knownNameWords(names: readonly string[]): KnownName[] {
  const words = new Map<string, KnownName>()
  for (const name of names) {
    // "Smith-Jones" is also written "Smith" or "Jones": each part is known on its own as well.
    const raws = name.split(/[\s,]+/).flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]))
    for (const raw of raws) {
      const word = raw.replace(/^[^A-Za-z\u00C0-\u024F]+|[^A-Za-z\u00C0-\u024F]+$/g, '')
      const lower = word.toLowerCase()
      if (lower.length < 2 || NOT_NAMES.has(lower)) continue
      const capitalsOnly = lower.length <= 2 || COMMON_WORDS.has(lower) || AMBIGUOUS_FIRST_NAMES.has(lower)
      words.set(lower, { lower, capitalsOnly: (words.get(lower)?.capitalsOnly ?? false) || capitalsOnly })
    }
  }
  return [...words.values()]
}

/**
 * Every mention of a known name word in any case ("SMITH", "smith", "Smith's"); common words only when
 * capitalised. One pass over the words of the text, whatever the number of names.
 */
export function detectKnownNames(text: string, known: readonly KnownName[]): Detection[] {
  if (known.length === 0) return []
  const byLower = new Map(known.map((k) => [k.lower, k]))
  const found: Detection[] = []
  const scanner = everyWord()
  for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
    const length = withoutPossessive(m[0])
    const word = m[0].slice(0, length)
    const entry = byLower.get(word.toLowerCase())
    if (!entry || (entry.capitalsOnly && !isCapitalised(word))) continue
    found.push({ start: m.index, end: m.index + length, kind: 'NAME' })
  }
  return found
}
