import { isCapitalised, wordAt } from './name-word'
import { isNotName, isStateAbbreviation } from './not-names'

export type NameReading = { start: number; end: number; words: number }

const MAX_PARTS = 4
const INITIAL = /[A-Z]\.(?![A-Za-z])/y

/**
 * Reads the name that starts at `at`, behind a cue: up to four capitalised words or initials ("J.", "Anna
 * M. Lee"), or "Last, First" when `lastFirst` allows it. Stops at the first word that is not a name
 * ("Dr. Lee reports", "Patient: Smith DOB"). Undefined when no name word follows the cue.
 */
export function readName(text: string, at: number, options: { lastFirst: boolean }): NameReading | undefined {
  let pos = at
  let start = -1
  let end = -1
  let words = 0
  let commaUsed = false
  for (let part = 0; part < MAX_PARTS; part++) {
    INITIAL.lastIndex = pos
    const initial = INITIAL.exec(text)
    let partEnd: number
    if (initial) {
      partEnd = pos + 1
    } else {
      const word = wordAt(text, pos)
      if (word === undefined || !isCapitalised(word) || isNotName(word) || isStateAbbreviation(word)) break
      partEnd = pos + word.length
      words++
    }
    if (start < 0) start = pos
    end = partEnd
    // Move past the separator to the next part: one or two spaces, or ", " once for "Smith, John".
    let next = initial ? partEnd + 1 : partEnd
    if (options.lastFirst && !commaUsed && words === 1 && part === 0 && text[next] === ',') {
      commaUsed = true
      next++
    }
    let spaces = 0
    while ((text[next] === ' ' || text[next] === '\t') && spaces < 2) {
      next++
      spaces++
    }
    if (spaces === 0 && !(initial && next === partEnd + 1)) break
    pos = next
  }
  if (words === 0 || start < 0) return undefined
  return { start, end, words }
}
