import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectSsns } from './ssn'

const ssns = (text: string) => detectedText(text, detectSsns(text))

describe('detectSsns', () => {
  it('finds dashed and spaced SSNs anywhere', () => {
    expect(ssns('SSN 123-45-6789; also 123 45 6789')).toEqual(['123-45-6789', '123 45 6789'])
  })

  it('finds nine digits and masked forms only behind an SSN label', () => {
    expect(ssns('SSN: 123456789')).toEqual(['123456789'])
    expect(ssns('Social security number xxx-xx-6789')).toEqual(['xxx-xx-6789'])
    expect(ssns('Medicaid 123456789')).toEqual([])
  })

  it('keeps mixed separators and longer runs', () => {
    expect(ssns('123-45 6789 and 1123-45-6789')).toEqual([])
  })
})
