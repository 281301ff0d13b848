import { describe, expect, it } from 'vitest'
import { contextOf, contextRanges } from './context'

function kindAt(text: string, phrase: string) {
  const start = text.indexOf(phrase)
  return contextOf(contextRanges(text), start, start + phrase.length)
}

describe('contextRanges', () => {
  it('scopes negation to its clause', () => {
    const text = 'Denies chest pain, shortness of breath. Reports cough but no fever.'
    expect(kindAt(text, 'chest pain')).toBe('negated')
    expect(kindAt(text, 'shortness of breath')).toBe('negated')
    expect(kindAt(text, 'cough')).toBeNull()
    expect(kindAt(text, 'fever')).toBe('negated')
  })

  it('marks history, family and uncertain mentions', () => {
    expect(kindAt('History of appendicitis.', 'appendicitis')).toBe('historical')
    expect(kindAt('Mother has diabetes.', 'diabetes')).toBe('family')
    expect(kindAt('Possible pneumonia.', 'pneumonia')).toBe('uncertain')
    expect(kindAt('Pneumonia was ruled out.', 'Pneumonia')).toBe('negated')
  })

  it('leaves official titles that contain "not" or "without" alone', () => {
    const text = 'Migraine, unspecified, not intractable, without status migrainosus'
    expect(kindAt(text, 'Migraine')).toBeNull()
    expect(kindAt(text, 'status migrainosus')).toBeNull()
  })
})
