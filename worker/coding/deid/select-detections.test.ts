import { describe, expect, it } from 'vitest'
import { selectDetections } from './select-detections'

describe('selectDetections', () => {
  it('keeps the longer of two overlapping detections and the more specific kind on a tie', () => {
    const chosen = selectDetections('x'.repeat(40), [
      { start: 0, end: 10, kind: 'DATE' },
      { start: 0, end: 30, kind: 'URL' },
      { start: 31, end: 36, kind: 'ID' },
      { start: 31, end: 36, kind: 'ZIP' },
    ])
    expect(chosen).toEqual([
      { start: 0, end: 30, kind: 'URL' },
      { start: 31, end: 36, kind: 'ZIP' },
    ])
  })

  it('keeps the free part of a detection that partly overlaps a longer one, trimmed to letters and digits', () => {
    const text = '4303 Hill St Tampa FL'
    const chosen = selectDetections(text, [
      { start: 5, end: 18, kind: 'CITY' },
      { start: 0, end: 12, kind: 'ADDRESS' },
    ])
    expect(chosen.map((d) => [d.kind, text.slice(d.start, d.end)])).toEqual([
      ['ADDRESS', '4303'],
      ['CITY', 'Hill St Tampa'],
    ])
  })

  it('drops empty and out-of-range detections', () => {
    expect(selectDetections('x'.repeat(5), [{ start: 2, end: 2, kind: 'NAME' }, { start: 3, end: 9, kind: 'NAME' }])).toEqual([])
  })
})
