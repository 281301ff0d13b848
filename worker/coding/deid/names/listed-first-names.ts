import type { Detection } from '../types'
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names'
import { everyWord, isCapitalised, withoutPossessive, wordAt } from './name-word'
import { isNotName, isStateAbbreviation } from './not-names'

/** The capitalised word after a one- or two-space gap at `at`, if it could be a surname. */
function surnameAfter(text: string, at: number): { start: number; end: number } | undefined {
  let pos = at
  if (text[pos] !== ' ') return undefined
  pos++
  if (text[pos] === ' ') pos++
  const word = wordAt(text, pos)
  if (word === undefined || word.length < 2 || !isCapitalised(word) || isNotName(word) || isStateAbbreviation(word)) return undefined
  return { start: pos, end: pos + word.length }
}

/**
 * Names with no cue: a listed given name, capitalised ("Mary called back", "MARY"), and the capitalised
 * word after it as the surname. An ambiguous given name ("Will", "Grace") counts only with a surname.
 */
export function detectListedFirstNames(text: string): Detection[] {
  const found: Detection[] = []
  const scanner = everyWord()
  for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
    const word = m[0].slice(0, withoutPossessive(m[0]))
    // Short words in capitals are abbreviations far more often than names: ANA is a lab test.
    if (!isCapitalised(word) || (word.length <= 3 && word === word.toUpperCase())) continue
    const lower = word.toLowerCase()
    const listed = FIRST_NAMES.has(lower)
    if (!listed && !AMBIGUOUS_FIRST_NAMES.has(lower)) continue
    const end = m.index + word.length
    const surname = surnameAfter(text, end)
    if (surname) {
      found.push({ start: m.index, end: surname.end, kind: 'NAME' })
      scanner.lastIndex = surname.end
    } else if (listed) {
      found.push({ start: m.index, end, kind: 'NAME' })
    }
  }
  return found
}
