import { describe, expect, it } from 'vitest'
import { detectedText } from '../detectors/detected.test-helper'
import { detectKnownNames, knownNameWords } from './context-names'

const known = (names: string[], text: string) => detectedText(text, detectKnownNames(text, knownNameWords(names)))

describe('detectKnownNames', () => {
  it('finds the known words in any case, without the possessive ending', () => {
    expect(known(['John', 'Smith'], "SMITH, JOHN; smith's wife; J. Smith; Smith John")).toEqual(['SMITH', 'JOHN', 'smith', 'Smith', 'Smith', 'John'])
  })

  it('drops titles and credentials from provider names', () => {
    expect(known(['Dr. Anna Lee, MD'], 'Dr. Lee and Anna; the MD said')).toEqual(['Lee', 'Anna'])
  })

  it('takes a name that is also a word only when capitalised', () => {
    expect(known(['Grace', 'Brown'], 'brown discharge; by the grace of; Grace Brown')).toEqual(['Grace', 'Brown'])
  })

  it('knows each part of a hyphenated surname', () => {
    expect(known(['Smith-Larkin'], 'Smith-Larkin, later Larkin')).toEqual(['Smith-Larkin', 'Larkin'])
  })
})
