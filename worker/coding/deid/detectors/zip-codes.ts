import { groupDetection, matchesOf } from '../scan'
import type { Detection } from '../types'
import { STATE_ABBREVIATIONS, STATE_NAMES } from './us-states'

// Safe Harbor would allow the first three digits of a ZIP code whose three-digit area has more than
// 20,000 people; knowing that needs census tables, so the whole ZIP code is replaced.

// After a state: "TX 78701", "Texas 78701-1234", "TX, 78701". State abbreviations only in capitals so
// "in 12345" or "or 20000" stay.
const AFTER_STATE = new RegExp(`(?<![A-Za-z])(?:${STATE_ABBREVIATIONS}|${STATE_NAMES})\\.?,?[ \\t]{1,3}(\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'dg')
// Behind a ZIP label: "ZIP: 78701", "zip code 78701", "Postal code 78701".
const LABELED = /\b(?:zip(?: ?code)?|postal code|post code)[\s:#.-]{0,4}(\d{5}(?:-\d{4})?)(?![\d-])/dgi

export function detectZipCodes(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [AFTER_STATE, LABELED]) {
    for (const m of matchesOf(text, pattern)) {
      const detection = groupDetection(m, 1, 'ZIP')
      if (detection) found.push(detection)
    }
  }
  return found
}
