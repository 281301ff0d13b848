import { describe, expect, it } from 'vitest'
import { AdjudicationResult, ClaimRejection } from './adjudication-result'

describe('AdjudicationResult', () => {
  it('accepts a partial payment with CARC adjustments in cents', () => {
    const result = { outcome: 'partial', paidCents: 8_000, adjustments: [{ group: 'CO', reason: '45', amountCents: 2_000 }] }
    expect(AdjudicationResult.parse(result)).toEqual(result)
  })

  it('refuses fractional cents, unknown groups and outcomes', () => {
    expect(AdjudicationResult.safeParse({ outcome: 'paid', paidCents: 10.5, adjustments: [] }).success).toBe(false)
    expect(AdjudicationResult.safeParse({ outcome: 'paid', paidCents: 1, adjustments: [{ group: 'XX', reason: '45', amountCents: 1 }] }).success).toBe(false)
    expect(AdjudicationResult.safeParse({ outcome: 'pending', paidCents: 1, adjustments: [] }).success).toBe(false)
  })

  it('a rejection needs at least one reason', () => {
    expect(ClaimRejection.safeParse({ outcome: 'rejected', reasons: [] }).success).toBe(false)
    expect(ClaimRejection.safeParse({ outcome: 'rejected', reasons: [{ code: 'x', message: 'y' }] }).success).toBe(true)
  })
})
