/** Why a stretch of text must not be coded as a current, confirmed condition. */
export type ContextKind = 'negated' | 'historical' | 'family' | 'uncertain'

export type ContextRange = { start: number; end: number; kind: ContextKind }

// A clause ends at sentence punctuation, a line break, or a word that turns the sentence ("but").
const CLAUSE_END = /[.;:!?\n]|\b(?:but|however|although|except|aside from|apart from|presents?|reports?|complains?)\b/gi

// Triggers that govern the words after them, to the end of the clause (NegEx style).
const BEFORE: readonly [RegExp, ContextKind][] = [
  [/\b(?:no|denies|denied|deny|denying|negative for|neg for|no evidence of|no signs? of|no symptoms of|free of|absence of|never had|not have|did not have|does not have|doesn't have|no complaints? of|rules? out|ruled out|r\/o|resolved)\b/gi, 'negated'],
  [/\b(?:family history of|family history|fhx|fh of|mother|father|sister|brother|grandmother|grandfather|mom|dad|sibling|maternal|paternal)\b/gi, 'family'],
  [/\b(?:history of|hx of|h\/o|pmh|past medical history|status post|s\/p|previous|prior|in the past|remote history|childhood)\b/gi, 'historical'],
  [/\b(?:possible|probable|possibly|probably|suspected|suspect|suspicious for|questionable|likely|concern for|worried about|rule out|to exclude|consider|vs\.?|versus)\b/gi, 'uncertain'],
]

// Triggers that govern the words before them, back to the start of the clause.
const AFTER: readonly [RegExp, ContextKind][] = [
  [/\b(?:ruled out|was negative|is negative|were negative|unlikely|not present|not seen|not found|resolved|has resolved)\b/gi, 'negated'],
]

function clauseBounds(text: string): [number, number][] {
  const bounds: [number, number][] = []
  let start = 0
  for (const match of text.matchAll(CLAUSE_END)) {
    bounds.push([start, match.index])
    start = match.index + match[0].length
  }
  bounds.push([start, text.length])
  return bounds
}

/**
 * Ranges of `text` that are negated ("denies chest pain", "no evidence of"), historical ("history of"),
 * about a relative ("mother had"), or uncertain ("possible pneumonia": outpatient guidelines code the
 * symptom, not the suspected condition). A clause boundary stops a trigger.
 */
export function contextRanges(text: string): ContextRange[] {
  const ranges: ContextRange[] = []
  for (const [clauseStart, clauseEnd] of clauseBounds(text)) {
    const clause = text.slice(clauseStart, clauseEnd)
    for (const [trigger, kind] of BEFORE) {
      for (const match of clause.matchAll(trigger)) ranges.push({ start: clauseStart + match.index, end: clauseEnd, kind })
    }
    for (const [trigger, kind] of AFTER) {
      for (const match of clause.matchAll(trigger)) ranges.push({ start: clauseStart, end: clauseStart + match.index + match[0].length, kind })
    }
  }
  return ranges
}

/** The context of a span, if any range covers it; negation outranks the others. */
export function contextOf(ranges: readonly ContextRange[], start: number, end: number): ContextKind | null {
  let found: ContextKind | null = null
  for (const range of ranges) {
    if (range.start > start || range.end < end) continue
    if (range.kind === 'negated') return 'negated'
    found ??= range.kind
  }
  return found
}
