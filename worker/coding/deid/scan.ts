import type { Detection, IdentifierKind } from './types'

/**
 * Every match of a global regex, with the capture groups' positions (the `d` flag). Zero-length matches
 * advance by one so a pattern that can match nothing never loops.
 */
export function* matchesOf(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  if (!pattern.global || !pattern.hasIndices) throw new TypeError('matchesOf needs a regex with the g and d flags')
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++
    yield m
  }
}

/** The detection for capture group `group` of a match, or none when the group did not take part. */
export function groupDetection(match: RegExpExecArray, group: number | string, kind: IdentifierKind): Detection | undefined {
  const range = typeof group === 'number' ? match.indices?.[group] : match.indices?.groups?.[group]
  if (!range || range[1] <= range[0]) return undefined
  return { start: range[0], end: range[1], kind }
}

/** The whole match as a detection. */
export function wholeDetection(match: RegExpExecArray, kind: IdentifierKind): Detection {
  return { start: match.index, end: match.index + match[0].length, kind }
}
