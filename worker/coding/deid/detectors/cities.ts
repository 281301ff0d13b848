import { matchesOf } from '../scan'
import type { Detection } from '../types'
import { STATE_ABBREVIATIONS, STATE_NAMES } from './us-states'

// A city is a geographic subdivision smaller than a state. Found where an address puts it, before
// ", TX 78701" or ", TX" at the end of an address line, and after "lives in" / "resides in".
const WORD = "[A-Z][A-Za-z'.-]{1,24}"
const BEFORE_STATE = new RegExp(`(?<![A-Za-z])(${WORD}(?:[ \\t]${WORD}){0,2}),[ \\t]{1,2}(?:${STATE_ABBREVIATIONS})\\b\\.?(?=,?[ \\t]{1,3}\\d{5}|[ \\t]*(?:$|\\n|[;|]))`, 'dgm')
// Without the comma only right before a state and a ZIP code: "Round Rock TX 78664". The words of a
// street before it ("4303 Hill St Tampa FL") are cut off at the street type.
const BEFORE_STATE_ZIP = new RegExp(`(?<![A-Za-z])(${WORD}(?:[ \\t]${WORD}){0,2})[ \\t](?:${STATE_ABBREVIATIONS})[ \\t]{1,3}\\d{5}(?![\\d])`, 'dg')
const STREET_TYPE_WORD = /^(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pl|Place|Ter|Trl|Trail|Pkwy|Hwy|Cir|Apt|Suite|Ste|Unit)\.?,?$/
const AFTER_CUE = new RegExp(`\\b(?:lives|lived|living|resides|resided|residing|moved|relocated|home|born|grew up)(?: here)?(?: in| to| from)[ \\t]{1,2}(?:the city of[ \\t])?(${WORD}(?:[ \\t]${WORD}){0,2})`, 'dg')
const STATE = new RegExp(`^(?:${STATE_NAMES})$`)

export function detectCities(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [BEFORE_STATE, BEFORE_STATE_ZIP, AFTER_CUE]) {
    for (const m of matchesOf(text, pattern)) {
      const range = m.indices?.[1]
      if (!range || STATE.test(m[1] ?? '')) continue
      let start = range[0]
      const words = (m[1] ?? '').split(/([ \t])/)
      let offset = 0
      for (const word of words) {
        offset += word.length
        if (STREET_TYPE_WORD.test(word)) start = range[0] + offset
      }
      while (start < range[1] && /[ \t]/.test(text[start]!)) start++
      if (start < range[1]) found.push({ start, end: range[1], kind: 'CITY' })
    }
  }
  return found
}
