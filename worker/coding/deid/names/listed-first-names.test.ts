import { describe, expect, it } from 'vitest'
import { detectedText } from '../detectors/detected.test-helper'
import { detectListedFirstNames } from './listed-first-names'

const names = (text: string) => detectedText(text, detectListedFirstNames(text))

describe('detectListedFirstNames', () => {
  it('takes a listed given name and the capitalised word after it', () => {
    expect(names('Plan reviewed; Mary Okafor agrees.')).toEqual(['Mary Okafor'])
    expect(names('Linda called back.')).toEqual(['Linda'])
    expect(names("Kim's wife called")).toEqual(['Kim'])
  })

  it('takes an ambiguous given name only with a surname', () => {
    expect(names('Grace Thibodeaux came in. Will follow up. May take ibuprofen. Hope to improve.')).toEqual(['Grace Thibodeaux'])
  })

  it('keeps short capitals (ANA is a test) and state abbreviations after a name', () => {
    expect(names('ANA negative')).toEqual([])
    expect(names('Madison WI 53703')).toEqual(['Madison'])
  })
})
