import type { EvidenceSpan } from './code-suggestion'

/**
 * Where the model's quote sits in the text it was given. Exact first, then ignoring case and runs of
 * white space (models re-wrap lines); a quote that cannot be found gives no span.
 */
export function locateEvidence(text: string, quote: string): EvidenceSpan | undefined {
  const wanted = quote.trim()
  if (wanted === '') return undefined
  const exact = text.indexOf(wanted)
  if (exact >= 0) return { start: exact, end: exact + wanted.length }
  const pattern = new RegExp(wanted.split(/\s+/).map(escapeRegExp).join('\\s+'), 'i')
  const match = pattern.exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : undefined
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
