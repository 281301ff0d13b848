import { matchesOf } from '../scan'
import type { Detection } from '../types'
import { CUES_AFTER_NAME } from './cues-after-name'
import { CUES_BEFORE_NAME, type CueRule } from './cues-before-name'
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names'
import { isNotName } from './not-names'
import { readName, type NameReading } from './read-name'

function isListedFirstName(text: string, start: number): boolean {
  const word = /^[A-Za-z]+/.exec(text.slice(start, start + 40))?.[0].toLowerCase() ?? ''
  return FIRST_NAMES.has(word) || AMBIGUOUS_FIRST_NAMES.has(word)
}

function passes(rule: CueRule, text: string, reading: NameReading): boolean {
  if (rule === 'two-words') return reading.words >= 2
  if (rule === 'listed-given-name') return isListedFirstName(text, reading.start)
  return true
}

/** The longest name that ends exactly at `end`, starting at a word between `from` and `end`. */
function nameEndingAt(text: string, from: number, end: number): NameReading | undefined {
  for (let at = from; at < end; at++) {
    if (at > from && text[at - 1] !== ' ' && text[at - 1] !== '\t') continue
    const reading = readName(text, at, { lastFirst: false })
    if (reading && reading.end === end) return reading
  }
  return undefined
}

/** Names that a cue points to: a title, a label, a relation, a role, a credential, "signed by"... */
export function detectCuedNames(text: string): Detection[] {
  const found: Detection[] = []
  for (const cue of CUES_BEFORE_NAME) {
    for (const m of matchesOf(text, cue.pattern)) {
      const reading = readName(text, m.index + m[0].length, { lastFirst: cue.lastFirst })
      if (reading && passes(cue.rule, text, reading)) found.push({ start: reading.start, end: reading.end, kind: 'NAME' })
    }
  }
  for (const cue of CUES_AFTER_NAME) {
    for (const m of matchesOf(text, cue.pattern)) {
      const range = m.indices?.[1]
      if (!range) continue
      if (cue.single) {
        if (!isNotName(m[1] ?? '')) found.push({ start: range[0], end: range[1], kind: 'NAME' })
        continue
      }
      const reading = nameEndingAt(text, range[0], range[1])
      if (reading) found.push({ start: reading.start, end: reading.end, kind: 'NAME' })
    }
  }
  return found
}
