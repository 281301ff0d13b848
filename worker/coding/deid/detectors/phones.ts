import { groupDetection, matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

// North American numbers in the shapes people type: (555) 123-4567, 555-123-4567, 555.123.4567,
// 555 123 4567, +1 555 123 4567, 1-555-123-4567, with an optional extension. The digit look-arounds keep
// a longer number (an id, a date) from being cut into a phone number.
const NANP = /(?<![\d+])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?:[ ]?(?:ext\.?|x|#)[ ]?\d{1,6})?(?![\d-])/dg
// International numbers start with + and a country code: groups of digits each opened by a separator or a
// parenthesis (so a run of digits can be split only one way and a failed match cannot backtrack through
// every split), or all run together; 8 to 15 digits in all (E.164), counted after matching.
const INTERNATIONAL = /\+\d{1,3}(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,5}){1,6}(?!\d)|\+\d{8,15}(?!\d)/dg
// Ten digits run together, or seven, only after a word that says it is a phone number.
const CUED = /\b(?:phone|ph|tel|telephone|cell|mobile|fax|home|work|pager|call(?:ed)?(?: at)?|contact|text)\b\.?(?:\s?(?:#|no\.?|number))?[\s:.-]{0,3}(\d{10}|\d{3}[ .-]?\d{4})(?![\d-])/dgi

export function detectPhones(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, NANP)) found.push(wholeDetection(m, 'PHONE'))
  for (const m of matchesOf(text, INTERNATIONAL)) {
    const digits = m[0].replace(/\D/g, '').length
    if (digits >= 8 && digits <= 15) found.push(wholeDetection(m, 'PHONE'))
  }
  for (const m of matchesOf(text, CUED)) {
    const detection = groupDetection(m, 1, 'PHONE')
    if (detection) found.push(detection)
  }
  return found
}
