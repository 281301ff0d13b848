import { describe, expect, it } from 'vitest'
import { detectContextValues } from './context-values'
import { detectedText } from './detected.test-helper'

describe('detectContextValues', () => {
  const context = {
    patient: { birthDate: '1950-03-14', memberId: 'W123456789', phone: '512-555-0143', address: { line1: '123 Main St', city: 'Mobile', zip: '36602' } },
    otherIdentifiers: ['CLM-778'],
  }

  it('finds known values in the forms people retype them', () => {
    const text = 'born 03141950 (3/14/50); member w12 345 6789; call 512 555 0143; 123  main st; Mobile 36602; claim CLM778'
    expect(detectedText(text, detectContextValues(text, context))).toEqual(['03141950', '3/14/50', 'w12 345 6789', '512 555 0143', '123  main st', 'Mobile', '36602', 'CLM778'])
  })

  it('takes a city that is also a word only when capitalised', () => {
    const text = 'mobile phone; lives in Mobile'
    expect(detectedText(text, detectContextValues(text, context))).toEqual(['Mobile'])
  })
})
