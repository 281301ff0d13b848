import type { Detection } from '../types'
import { isEponymAt } from './eponyms'
import { everyWord, isCapitalised, withoutPossessive } from './name-word'
import { isNotName } from './not-names'

/**
 * Turns name detections into one detection per word, so "John Smith" and "Mr. Smith" share the token of
 * "Smith". The possessive ending stays outside ("[NAME_1]'s"), common words and eponyms ("Parkinson's
 * disease") are dropped, and single letters inside a name ("J." of "J. Smith") are kept as initials.
 */
export function nameWords(text: string, detections: readonly Detection[]): Detection[] {
  const words: Detection[] = []
  for (const d of detections) {
    const span = text.slice(d.start, d.end)
    const scanner = everyWord()
    for (let m = scanner.exec(span); m !== null; m = scanner.exec(span)) {
      const start = d.start + m.index
      const end = start + withoutPossessive(m[0])
      const word = text.slice(start, end)
      if (word.length > 1 && isNotName(word)) continue
      if (word.length === 1 && !isCapitalised(word)) continue
      if (isEponymAt(text, start + m[0].length)) continue
      words.push({ start, end, kind: 'NAME' })
    }
  }
  return words
}

/**
 * A name found once is a name everywhere in the note: every other capitalised (or all-capitals) mention
 * of the same word is replaced too, except where it is used as an eponym.
 */
export function propagateNames(text: string, words: readonly Detection[]): Detection[] {
  const known = new Set<string>()
  const exact = new Set<string>()
  for (const w of words) {
    if (w.end - w.start < 2) continue
    const word = text.slice(w.start, w.end)
    exact.add(word)
    known.add(word.toLowerCase())
  }
  if (known.size === 0) return []
  const found: Detection[] = []
  const scanner = everyWord()
  for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
    const length = withoutPossessive(m[0])
    const word = m[0].slice(0, length)
    if (!isCapitalised(word) || !known.has(word.toLowerCase())) continue
    // Another case of the same word only from four letters: "Ana" found does not make "ANA" (a lab test) a name.
    if (!exact.has(word) && word.length < 4) continue
    if (isEponymAt(text, m.index + m[0].length)) continue
    found.push({ start: m.index, end: m.index + length, kind: 'NAME' })
  }
  return found
}

const INITIAL_BEFORE = /(?:^|[^A-Za-z])([A-Z])\.?[ \t]{1,2}$/d
// After the name the dot is required: "Smith, I called" is a pronoun, "Smith, J." an initial; and no
// letter-dot after it, which makes a credential ("Lee, M.D.").
const INITIAL_AFTER = /^,?[ \t]{1,2}([A-Z])\.(?![A-Za-z]\.)/d

/** Initials written next to a known name: "J. Smith", "J Smith", "Smith, J.". */
export function adjacentInitials(text: string, words: readonly Detection[]): Detection[] {
  const found: Detection[] = []
  for (const w of words) {
    if (w.end - w.start < 2) continue
    const from = Math.max(0, w.start - 5)
    const before = INITIAL_BEFORE.exec(text.slice(from, w.start))?.indices?.[1]
    if (before) found.push({ start: from + before[0], end: from + before[1], kind: 'NAME' })
    const after = INITIAL_AFTER.exec(text.slice(w.end, w.end + 6))?.indices?.[1]
    if (after) found.push({ start: w.end + after[0], end: w.end + after[1], kind: 'NAME' })
  }
  return found
}

// Surname particles written as separate words: "Van Buren", "De La Cruz", "Al Rashid", "bin Said".
const PARTICLES_BEFORE = /(?:^|[^A-Za-z])((?:(?:Van|Von|Der|Den|De|Del|Della|Da|Di|Du|La|Le|Al|El|Bin|Ibn|Ben|Ter|Ten|van|von|der|den|de|del|della|da|di|du|la|le|al|el|bin|ibn|ben)[ \t]){1,3})$/d

/** The particles of a surname in front of a name word found elsewhere ("Van" of "Van Buren"). */
export function surnameParticles(text: string, words: readonly Detection[]): Detection[] {
  const found: Detection[] = []
  for (const w of words) {
    if (w.end - w.start < 2) continue
    const from = Math.max(0, w.start - 24)
    const range = PARTICLES_BEFORE.exec(text.slice(from, w.start))?.indices?.[1]
    if (!range) continue
    let at = from + range[0]
    for (const part of text.slice(at, from + range[1]).split(/([ \t])/)) {
      if (part.trim().length > 0) found.push({ start: at, end: at + part.length, kind: 'NAME' })
      at += part.length
    }
  }
  return found
}
