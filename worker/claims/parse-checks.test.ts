import { describe, expect, it } from 'vitest'
import { claimFixture, lineFixture } from '../test/claim-fixture'
import type { ClaimInput } from '../contracts'
import { checkClaimForParse } from './parse-checks'

const TODAY = '2026-03-10'

function claim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return claimFixture({ serviceDate: '2026-03-09', diagnoses: ['I10'], lines: [lineFixture('99213')], ...overrides })
}

function codes(input: ClaimInput) {
  const result = checkClaimForParse(input, TODAY)
  return result.ok ? [] : result.reasons.map((r) => r.code)
}

describe('checkClaimForParse', () => {
  it('accepts a claim with a past or same-day service date', () => {
    expect(checkClaimForParse(claim(), TODAY)).toEqual({ ok: true })
    expect(checkClaimForParse(claim({ serviceDate: TODAY }), TODAY)).toEqual({ ok: true })
  })

  it('rejects a service date in the future', () => {
    const result = checkClaimForParse(claim({ serviceDate: '2026-03-11' }), TODAY)
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'service-date-in-future', message: expect.stringContaining('2026-03-11 is in the future') as string }],
    })
  })

  it('rejects dates that are not on the calendar', () => {
    expect(codes(claim({ serviceDate: '2026-02-29' }))).toEqual(['service-date-invalid'])
    expect(codes(claim({ serviceDate: '2024-02-29' }))).toEqual([])
    expect(codes(claim({ serviceDate: '2026-13-01' }))).toEqual(['service-date-invalid'])
  })

  it('rejects pointers past the last diagnosis', () => {
    const lines = [{ procedureCode: '99213', modifiers: [], units: 1, chargeCents: 100, diagnosisPointers: [1, 2] }]
    expect(codes(claim({ lines }))).toEqual(['pointer-out-of-range'])
  })

  it('allows exactly $1,000,000 in total and rejects more', () => {
    const line = { procedureCode: '99213', modifiers: [], units: 1, chargeCents: 50_000_000, diagnosisPointers: [1] }
    expect(codes(claim({ lines: [line, line] }))).toEqual([])
    const result = checkClaimForParse(claim({ lines: [line, line, { ...line, chargeCents: 1 }] }), TODAY)
    expect(result).toEqual({
      ok: false,
      reasons: [
        {
          code: 'billed-over-limit',
          message: 'The claim bills $1,000,000.01 in total; claims above $1,000,000.00 cannot be paid out same day.',
        },
      ],
    })
  })
})
