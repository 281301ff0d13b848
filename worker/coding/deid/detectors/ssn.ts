import { groupDetection, matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

// 123-45-6789 and 123 45 6789 anywhere; nine digits run together only behind an SSN label, since a bare
// nine-digit number is as likely a Medicaid id (which the id detectors take).
const DASHED = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/dg
const LABELED = /\b(?:SSN|SS#|SS No\.?|social security(?: number| no\.?| #)?)[\s:#.-]{0,4}((?:\d{3}|[Xx*]{3})[- ]?(?:\d{2}|[Xx*]{2})[- ]?\d{4})(?![\d-])/dgi

export function detectSsns(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, DASHED)) found.push(wholeDetection(m, 'SSN'))
  for (const m of matchesOf(text, LABELED)) {
    const detection = groupDetection(m, 1, 'SSN')
    if (detection) found.push(detection)
  }
  return found
}
