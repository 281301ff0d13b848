import { describe, expect, it } from 'vitest'
import { deidentify } from '../deidentify'
import { reidentify } from '../reidentify'
import { generateAnnotatedNotes } from './generate-annotated-notes'

describe('generateAnnotatedNotes', () => {
  const notes = generateAnnotatedNotes({ seed: 11, count: 120 })

  it('is deterministic for a seed and different across seeds', () => {
    expect(generateAnnotatedNotes({ seed: 11, count: 5 })).toEqual(notes.slice(0, 5))
    expect(generateAnnotatedNotes({ seed: 12, count: 5 })[0]!.text).not.toBe(notes[0]!.text)
  })

  it('records gold spans that hold the identifier they claim', () => {
    for (const note of notes) {
      expect(note.gold.length).toBeGreaterThan(5)
      for (const g of note.gold) {
        const value = note.text.slice(g.start, g.end)
        expect(value.trim()).toBe(value)
        expect(value.length).toBeGreaterThan(0)
      }
      const name = note.gold.find((g) => g.kind === 'NAME')
      expect(name && note.text.slice(name.start, name.end)).toMatch(/^[A-Za-z'-]+$/)
    }
  })

  it('builds on the engine’s clinical note', () => {
    expect(notes.every((n) => n.text.includes('CC: ') && n.text.includes('HPI: ') && n.text.includes('A/P:'))).toBe(true)
  })

  it('round-trips through deidentify and reidentify for every generated note', () => {
    for (const note of notes) {
      const result = deidentify(note.text, note.context)
      expect(reidentify(result.text, result.mapping)).toBe(note.text)
      for (const span of result.spans) expect(result.text.slice(span.outStart, span.outEnd)).toBe(span.token)
    }
  })
})
