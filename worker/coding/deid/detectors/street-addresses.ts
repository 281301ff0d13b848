import { groupDetection, matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'
import { STATE_ABBREVIATIONS } from './us-states'

// "123 Main St", "4500 W. 42nd Street Apt 4B", "PO Box 1234": a house number, up to four words of street
// name, a street type, and an optional unit. Each word starts with a capital or is an ordinal, so "2 tabs
// daily" never reads as a street; every repeated group starts with a space, so the pattern cannot split
// the same text two ways.
const STREET_TYPE =
  'St|Street|Ave|Avenue|Av|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|Way|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Trl|Trail|Sq|Square|Loop|Pike|Crossing|Xing|Plaza|Plz|Alley|Aly|Expy|Expressway|Fwy|Freeway|Ridge|Heights|Hts|Point'
// Times of day are not street names: "at 10 AM Dr. Lee" is a visit, not an address.
const NAME_WORD = "(?!(?:AM|PM|A\\.M|P\\.M)\\b)(?:[A-Z][A-Za-z'-]{0,24}|\\d{1,3}(?:st|nd|rd|th))"
const UNIT = "(?:,?[ \\t]{1,2}(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm|Room|Bldg|Building|#)\\.?[ \\t]?#?[A-Za-z0-9-]{1,8})?"
const STREET = new RegExp(
  `(?<![A-Za-z0-9#-])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?[ \\t]{1,2}(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?[ \\t]{1,2})?${NAME_WORD}(?:[ \\t]{1,2}${NAME_WORD}){0,3}[ \\t]{1,2}(?:${STREET_TYPE})\\b\\.?(?:[ \\t]{1,2}(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?${UNIT}`,
  'dg',
)
const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box)[ \t]{1,2}\d{1,8}\b/dgi
// Behind an address label the value runs to the end of the line, stopping before ", TX" / "TX 78701"
// so the state (which may stay) and the ZIP (its own token) are left to their detectors.
const LABELED = new RegExp(`\\b(?:address|addr|street|residence|home address|mailing address)\\b\\.?[ \\t]*[:#-][ \\t]*([^\\n]{1,120}?)(?=,?[ \\t]*(?:${STATE_ABBREVIATIONS})\\b\\.?,?[ \\t]*(?:\\d{5}|$|\\n)|[ \\t]*(?:$|\\n))`, 'dgim')

export function detectStreetAddresses(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [STREET, PO_BOX]) for (const m of matchesOf(text, pattern)) found.push(wholeDetection(m, 'ADDRESS'))
  for (const m of matchesOf(text, LABELED)) {
    const detection = groupDetection(m, 1, 'ADDRESS')
    if (detection) found.push(detection)
  }
  return found
}
