import { describe, expect, it } from 'vitest'
import type { AnnotatedNote } from './annotated-note'
import { NoteBuilder } from './annotated-note'
import { scoreDeidentification, type Miss } from './score'

function note(): AnnotatedNote {
  const b = new NoteBuilder().text('Dr. ').phi('Lee', 'NAME').text(' saw pt on ').phi('3/14/2026', 'DATE').text('. BP 120/80, A1c 7.2.')
  return { text: b.build(), gold: b.gold, context: undefined }
}

describe('scoreDeidentification', () => {
  it('counts an identifier as removed when all its letters and digits are replaced', () => {
    const n = note()
    const score = scoreDeidentification([n], () => [
      { start: 4, end: 7, kind: 'NAME' },
      { start: 18, end: 27, kind: 'DATE' },
    ])
    expect(score.groups.names).toEqual({ count: 1, hits: 1, rate: 1 })
    expect(score.groups.dates.rate).toBe(1)
    expect(score.overall).toEqual({ recall: 1, precision: 1 })
    expect(score.clinicalTokensRemoved.hits).toBe(0)
  })

  it('reports misses, false positives and clinical words removed', () => {
    const n = note()
    const misses: Miss[] = []
    const bp = n.text.indexOf('120/80')
    const score = scoreDeidentification([n], () => [{ start: bp, end: bp + 6, kind: 'DATE' }], misses)
    expect(score.overall.recall).toBe(0)
    expect(score.byKind.DATE).toMatchObject({ predicted: 1, correct: 0, precision: 0 })
    expect(score.numericClinicalTokensRemoved.hits).toBe(1)
    expect(misses.map((m) => m.value)).toEqual(['Lee', '3/14/2026'])
  })
})
