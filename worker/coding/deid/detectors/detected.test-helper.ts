import type { Detection } from '../types'

/**
 * The text of each detected range, in text order, each range once: what a test asserts on. Two patterns
 * of one detector may find the same range; the selection step keeps one, so tests do not care.
 */
export function detectedText(text: string, detections: readonly Detection[]): string[] {
  const ranges = new Map<string, Detection>()
  for (const d of detections) ranges.set(`${d.start}:${d.end}`, d)
  return [...ranges.values()].sort((a, b) => a.start - b.start || a.end - b.end).map((d) => text.slice(d.start, d.end))
}
