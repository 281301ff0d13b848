import { describe, expect, it } from 'vitest'
import { detectedText } from '../detectors/detected.test-helper'
import { detectNamesBeforeVerbs } from './names-before-verbs'

const names = (text: string) => detectedText(text, detectNamesBeforeVerbs(text))

describe('detectNamesBeforeVerbs', () => {
  it('takes a full name before a verb of a person', () => {
    expect(names('Plan reviewed; Kiara Halvorsen agrees to help.')).toEqual(['Kiara Halvorsen'])
    expect(names("Perpetua O'Donnell called; Ignatius Smith-Larkin declined; Ann McDonald reports")).toEqual(["Perpetua O'Donnell", 'Ignatius Smith-Larkin', 'Ann McDonald'])
  })

  it('keeps single words, instruments and departments', () => {
    expect(names('Wound reports nothing. Straight Masterson was used. Case Management called. Physical Therapy agrees.')).toEqual([])
  })
})
