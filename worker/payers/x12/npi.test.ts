import { describe, expect, it } from 'vitest'
import { isValidNpi, npiCheckDigit, npiFrom } from './npi'

describe('npiCheckDigit', () => {
  it('gives the check digit of the CMS worked example 123456789 -> 3', () => {
    expect(npiCheckDigit('123456789')).toBe(3)
    expect(isValidNpi('1234567893')).toBe(true)
  })

  it('agrees with a plain Luhn check of 80840 + the NPI for many identifiers', () => {
    const luhnValid = (s: string) => {
      let sum = 0
      for (let i = 0; i < s.length; i++) {
        let d = Number(s[s.length - 1 - i])
        if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
        sum += d
      }
      return sum % 10 === 0
    }
    for (let n = 100000000; n < 100000000 + 2000; n += 7) {
      const npi = npiFrom(String(n))!
      expect(luhnValid(`80840${npi}`)).toBe(true)
      expect(isValidNpi(npi)).toBe(true)
    }
  })

  it('rejects a changed digit and malformed input', () => {
    expect(isValidNpi('1234567890')).toBe(false)
    expect(isValidNpi('123456789')).toBe(false)
    expect(isValidNpi('12345678x3')).toBe(false)
    expect(npiCheckDigit('12345678')).toBeUndefined()
    expect(npiCheckDigit('12345678a')).toBeUndefined()
  })
})
