import type { Deidentified, Detection, IdentifierKind, ReplacedSpan, TokenMapping } from './types'

const TOKEN_LIKE = /\[([A-Z0-9_]{1,40})\]/g

/**
 * Replaces each detection by its token. The same text of the same kind gets the same token within the
 * note. A token that already appears in the input ("[NAME_1]" typed by someone) is skipped, so that
 * re-identification can never turn text that was in the note into a value.
 */
export function replaceWithTokens(text: string, detections: readonly Detection[]): Deidentified {
  const present = new Set<string>()
  TOKEN_LIKE.lastIndex = 0
  for (let m = TOKEN_LIKE.exec(text); m !== null; m = TOKEN_LIKE.exec(text)) present.add(m[0])

  const counters = new Map<IdentifierKind, number>()
  const byValue = new Map<string, string>()
  const mapping: TokenMapping = {}
  const spans: ReplacedSpan[] = []
  const out: string[] = []
  let cursor = 0
  let outLength = 0
  for (const d of detections) {
    const value = text.slice(d.start, d.end)
    const key = `${d.kind}\u0000${value}`
    let token = byValue.get(key)
    if (token === undefined) {
      let n = counters.get(d.kind) ?? 0
      do token = `[${d.kind}_${++n}]`
      while (present.has(token))
      counters.set(d.kind, n)
      byValue.set(key, token)
      mapping[token] = value
    }
    const between = text.slice(cursor, d.start)
    out.push(between, token)
    outLength += between.length
    spans.push({ start: d.start, end: d.end, token, kind: d.kind, outStart: outLength, outEnd: outLength + token.length })
    outLength += token.length
    cursor = d.end
  }
  out.push(text.slice(cursor))
  return { text: out.join(''), spans, mapping }
}
