import { matchesOf } from '../scan'
import type { Detection } from '../types'

// A scheme or "www." starts a URL; a bare host needs a common top-level domain so "pt.ok" or "q.d" stay.
// The run of URL characters is one character class (no backtracking); trailing punctuation that ends
// the sentence is trimmed afterwards.
const WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'`]{1,2048}|\bwww\.[^\s<>"'`]{1,2048}/dgi
const BARE_HOST = /(?<![@A-Za-z0-9./:-])(?:[A-Za-z0-9-]{1,63}\.){1,6}(?:com|org|net|gov|edu|io|us|info|health|care|app|co|mil)\b(?![@-])(?:[/?#][^\s<>"'`]{0,2048})?/dg
const TRAILING = /[.,;:!?)\]}]+$/

export function detectUrls(text: string): Detection[] {
  const found: Detection[] = []
  for (const pattern of [WITH_SCHEME, BARE_HOST]) {
    for (const m of matchesOf(text, pattern)) {
      const trimmed = m[0].replace(TRAILING, '')
      if (trimmed.length > 0) found.push({ start: m.index, end: m.index + trimmed.length, kind: 'URL' })
    }
  }
  return found
}
