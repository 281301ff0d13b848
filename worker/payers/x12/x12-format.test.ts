import { describe, expect, it } from 'vitest'
import { digitsOnly, formatAmount, formatDate, formatQuantity, formatTimestamp, normalizeText } from './x12-format'

describe('formatAmount', () => {
  it('writes dollars with only the decimals needed', () => {
    expect(formatAmount(12_500)).toBe('125')
    expect(formatAmount(12_550)).toBe('125.5')
    expect(formatAmount(12_345)).toBe('123.45')
    expect(formatAmount(12_305)).toBe('123.05')
    expect(formatAmount(5)).toBe('0.05')
    expect(formatAmount(50)).toBe('0.5')
    expect(formatAmount(0)).toBe('0')
    expect(formatAmount(-2_505)).toBe('-25.05')
    expect(formatAmount(-1)).toBe('-0.01')
  })

  it('is exact for large amounts, where a float would round', () => {
    expect(formatAmount(900_719_925_474_099)).toBe('9007199254740.99')
    expect(formatAmount(100_000_000_01)).toBe('100000000.01')
  })

  it('refuses what is not a whole number of cents', () => {
    expect(formatAmount(12.5)).toBeUndefined()
    expect(formatAmount(Number.NaN)).toBeUndefined()
    expect(formatAmount(2 ** 60)).toBeUndefined()
  })
})

describe('formatQuantity', () => {
  it('writes integers plainly and short decimals without trailing zeros', () => {
    expect(formatQuantity(3)).toBe('3')
    expect(formatQuantity(1.5)).toBe('1.5')
    expect(formatQuantity(0.25)).toBe('0.25')
    expect(formatQuantity(-1)).toBeUndefined()
    expect(formatQuantity(1.23456)).toBeUndefined()
    expect(formatQuantity(Number.POSITIVE_INFINITY)).toBeUndefined()
  })
})

describe('dates', () => {
  it('writes real dates as CCYYMMDD and refuses others', () => {
    expect(formatDate('2026-02-27')).toBe('20260227')
    expect(formatDate('2024-02-29')).toBe('20240229')
    expect(formatDate('2026-02-30')).toBeUndefined()
    expect(formatDate('20260227')).toBeUndefined()
  })

  it('takes envelope timestamps in UTC', () => {
    expect(formatTimestamp('2026-03-02T14:05:59Z')).toEqual({ ccyymmdd: '20260302', yymmdd: '260302', hhmm: '1405' })
    expect(formatTimestamp('2026-03-02T23:30:00-02:00')).toEqual({ ccyymmdd: '20260303', yymmdd: '260303', hhmm: '0130' })
    expect(formatTimestamp('2026-03-02')).toBeUndefined()
  })
})

describe('normalizeText', () => {
  it('upper-cases, drops accents and collapses whitespace', () => {
    expect(normalizeText('  José  Núñez\tO\'Brien ')).toBe("JOSE NUNEZ O'BRIEN")
  })

  it('makes typographic quotes and dashes plain, so a practice named with them can still file', () => {
    expect(normalizeText('Cedar Park Children’s Clinic – “East”')).toBe('CEDAR PARK CHILDREN\'S CLINIC - "EAST"')
    expect(normalizeText('Cedar Park Children’s Clinic')).toMatch(/^[\x20-\x7e]*$/)
  })

  it('keeps delimiter characters so the builder can refuse them', () => {
    expect(normalizeText('a*b~c')).toBe('A*B~C')
  })

  it('digitsOnly strips punctuation', () => {
    expect(digitsOnly('(555) 010-0100')).toBe('5550100100')
  })
})
