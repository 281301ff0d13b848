import { describe, expect, it } from 'vitest'
import { centsToFhirAmount, fhirAmountToCents } from './fhir-money'

describe('fhirAmountToCents', () => {
  it('converts two-decimal amounts exactly, without float error', () => {
    expect(fhirAmountToCents(0.29)).toEqual({ cents: 29, exact: true })
    expect(fhirAmountToCents(140.52)).toEqual({ cents: 14052, exact: true })
    expect(fhirAmountToCents(1.1)).toEqual({ cents: 110, exact: true })
    expect(fhirAmountToCents(0)).toEqual({ cents: 0, exact: true })
    expect(fhirAmountToCents(-12.5)).toEqual({ cents: -1250, exact: true })
  })

  it('rounds sub-cent amounts half away from zero and says so', () => {
    expect(fhirAmountToCents(112.41600000000001)).toEqual({ cents: 11242, exact: false })
    expect(fhirAmountToCents(37.847)).toEqual({ cents: 3785, exact: false })
    expect(fhirAmountToCents(28.104000000000003)).toEqual({ cents: 2810, exact: false })
    expect(fhirAmountToCents(1.005)).toEqual({ cents: 101, exact: false })
  })

  it('refuses what is not a finite amount', () => {
    expect(fhirAmountToCents(Number.NaN)).toBeNull()
    expect(fhirAmountToCents(Number.POSITIVE_INFINITY)).toBeNull()
    expect(fhirAmountToCents(1e300)).toBeNull()
  })

  it('round-trips every cent value through the FHIR decimal', () => {
    for (const cents of [0, 1, 29, 99, 100, 12345, 999_999_99, 100_000_000]) {
      expect(fhirAmountToCents(centsToFhirAmount(cents))).toEqual({ cents, exact: true })
    }
  })
})
