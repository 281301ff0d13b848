import type { Detection, IdentifierKind } from './types'

// When detections overlap the longer one wins (a URL over the date inside it, a street address over the
// name in "12 Smith Rd"); on equal length the more specific kind wins.
const PRIORITY: Readonly<Record<IdentifierKind, number>> = {
  EMAIL: 17,
  URL: 16,
  SSN: 15,
  MRN: 14,
  MEMBER_ID: 13,
  ACCOUNT: 12,
  LICENSE: 11,
  VEHICLE_ID: 10,
  DEVICE_ID: 9,
  PHONE: 8,
  IP: 7,
  DATE: 6,
  AGE_90_PLUS: 5,
  ZIP: 4,
  ADDRESS: 3,
  CITY: 2,
  NAME: 1,
  ID: 0,
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Non-overlapping detections in text order. Greedy by length then priority; a byte per character records
 * what is taken, so the cost is the total length of the detections, not their number squared. A
 * detection that partly overlaps one already chosen keeps the part that is still free ("Hill St Tampa"
 * read as a city beside the street "4303 Hill St" still removes "Tampa"): leaving part of an identifier
 * in the text is worse than an odd token boundary.
 */
export function selectDetections(text: string, detections: readonly Detection[]): Detection[] {
  const length = text.length
  const ordered = detections
    .filter((d) => d.start >= 0 && d.end <= length && d.end > d.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start)
  const taken = new Uint8Array(length)
  const chosen: Detection[] = []
  for (const d of ordered) {
    let i = d.start
    while (i < d.end) {
      while (i < d.end && (taken[i] || !WORD_CHAR.test(text[i]!))) i++
      let end = i
      while (end < d.end && !taken[end]) end++
      // Trim the free run back to its last letter or digit: punctuation at the edges stays text.
      let last = end
      while (last > i && !WORD_CHAR.test(text[last - 1]!)) last--
      if (last > i) {
        const run = last - i === d.end - d.start ? d : { start: i, end: last, kind: d.kind }
        taken.fill(1, run.start, run.end)
        chosen.push(run)
      }
      i = end
    }
  }
  return chosen.sort((a, b) => a.start - b.start)
}
