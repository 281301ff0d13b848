import { describe, expect, it } from 'vitest'
import { ageOnDate } from './patient-age'

describe('ageOnDate', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOnDate('1980-06-15', '2026-06-14')).toBe(45)
    expect(ageOnDate('1980-06-15', '2026-06-15')).toBe(46)
  })
  it('reports everyone over 89 as 90, as Safe Harbor asks', () => {
    expect(ageOnDate('1920-01-01', '2026-01-01')).toBe(90)
  })
  it('gives null for a birth after the service or an unusable date', () => {
    expect(ageOnDate('2027-01-01', '2026-01-01')).toBeNull()
    expect(ageOnDate('01/02/1980', '2026-01-01')).toBeNull()
  })
})
