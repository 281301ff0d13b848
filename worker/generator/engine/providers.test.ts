import { describe, expect, it } from 'vitest'
import { isValidNpi } from '../../payers/x12/npi'
import { generateProvider, MAX_CLAIMS_PER_DAY, MIN_CLAIMS_PER_DAY } from './providers'
import { SPECIALTIES } from './specialties'

describe('generateProvider', () => {
  it('gives organisation and rendering NPIs that pass the Luhn check with the 80840 prefix', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = generateProvider({ seed })
      expect(isValidNpi(p.organizationNpi)).toBe(true)
      expect(p.organizationNpi.startsWith('2')).toBe(true)
      for (const npi of p.renderingNpis) {
        expect(isValidNpi(npi)).toBe(true)
        expect(npi.startsWith('1')).toBe(true)
      }
      expect(p.tin).toMatch(/^\d{2}-\d{7}$/)
      expect(p.claimsPerDay).toBeGreaterThanOrEqual(MIN_CLAIMS_PER_DAY)
      expect(p.claimsPerDay).toBeLessThanOrEqual(MAX_CLAIMS_PER_DAY)
    }
  })

  it('covers every specialty and clamps the requested volume', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => generateProvider({ seed: i }).specialty))
    expect([...seen].sort()).toEqual([...SPECIALTIES].sort())
    expect(generateProvider({ seed: 1, claimsPerDay: 5_000 }).claimsPerDay).toBe(MAX_CLAIMS_PER_DAY)
    expect(generateProvider({ seed: 1, claimsPerDay: 1 }).claimsPerDay).toBe(MIN_CLAIMS_PER_DAY)
  })

  it('is the same practice for the same seed', () => {
    expect(JSON.stringify(generateProvider({ seed: 42 }))).toBe(JSON.stringify(generateProvider({ seed: 42 })))
  })
})
