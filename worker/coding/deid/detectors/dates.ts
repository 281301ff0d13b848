import { groupDetection, matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

// Safe Harbor removes every element of a date except the year, so a month with its year ("March 2026")
// goes too, while a year on its own ("since 2019") stays: it is what a coder needs for history.

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?|january|february|march|april|june|july|august|september|october|november|december)'
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?'
const YEAR = "(?:\\d{4}|'\\d{2})"

// Month first: "March 14, 2026", "Mar. 14 2026", "March 14th", "March 2026", "Mar-2026".
// A day range ("Oct 3-7") is one date element.
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\.?(?:[ \\t-]{1,3}${DAY}(?:[-\u2013]${DAY})?(?![\\d:])(?:,?[ \\t-]{1,3}${YEAR}(?!\\d))?|,?[ \\t-]{1,3}\\d{4}(?!\\d))`, 'gd')
// Day first: "14 Mar 2026", "14-Mar-26", "14th of March", "14 March".
const DAY_FIRST = new RegExp(`(?<![\\d.])${DAY}(?:[ \\t-]{1,3}of)?[ \\t-]{1,3}${MONTH}\\b\\.?(?:,?[ \\t-]{1,3}(?:\\d{4}|\\d{2})(?!\\d))?`, 'gd')
// Numeric with a year: 03/14/2026, 3-14-26, 3.14.2026; the two separators must agree.
const NUMERIC = /(?<![\d/.-])(?:[12]\d|3[01]|0?[1-9])([/.-])(?:[12]\d|3[01]|0?[1-9])\1(?:\d{4}|\d{2})(?![\d/]|[.-]\d)/dg
// ISO and year-first: 2026-03-14, 2026/03/14, with an optional time that is part of the same instant.
const YEAR_FIRST = /(?<![\d/.-])\d{4}([/.-])(?:1[0-2]|0?[1-9])\1(?:[12]\d|3[01]|0?[1-9])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/]|[.-]\d)/dg
// Month and year: 03/2026, 3-2026.
const MONTH_YEAR = /(?<![\d/.-])(?:1[0-2]|0?[1-9])[/-](?:19|20)\d{2}(?![\d/]|[.-]\d)/dg
// Month and day without a year only after words that introduce a date, so "1/2 tab" and "BP 120/80"
// stay; and not when a dose unit follows ("from 1/2 tab to 1 tab").
const CUED_MONTH_DAY =
  /\b(?:on|since|from|until|till|through|thru|dated|DOS|DOB|DOD|date|admitted|discharged|seen|visit|born|died|expired|surgery|performed|labs?|drawn|collected|resulted|started|stopped|as of|week of|prior to|after|before|called|phoned|messaged|returned|spoke|appointment|appt|scheduled|rescheduled)\b[:\s]{1,3}((?:1[0-2]|0?[1-9])[/-](?:[12]\d|3[01]|0?[1-9]))(?![\d/]|[.-]\d)(?![ \t]{0,2}(?:tabs?|tablets?|caps?|capsules?|pills?|mg|mcg|g|ml|units?|doses?|strength|inch(?:es)?|in|cm|mm|of|to|pain|scale)\b)/dgi
// Compact dates behind a date label: "DOB: 03141950", "DOS 20260314".
const LABELED_COMPACT = /\b(?:DOB|DOS|DOD|date of birth|date of service|birth ?date|admit(?:ted)?|discharge(?:d)?)\b[\s:#.-]{0,4}(\d{8}|\d{6})(?!\d)/dgi

export function detectDates(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [MONTH_FIRST, DAY_FIRST, NUMERIC, YEAR_FIRST, MONTH_YEAR]) {
    for (const m of matchesOf(text, pattern)) found.push(wholeDetection(m, 'DATE'))
  }
  for (const pattern of [CUED_MONTH_DAY, LABELED_COMPACT]) {
    for (const m of matchesOf(text, pattern)) {
      const detection = groupDetection(m, 1, 'DATE')
      if (detection) found.push(detection)
    }
  }
  return found
}
