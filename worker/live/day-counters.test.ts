import { describe, expect, it } from 'vitest'
import type { StatusChange } from '../contracts'
import { applyChange, emptyCounters } from './day-counters'

const change = (toStatus: StatusChange['toStatus'], extra: Partial<StatusChange> = {}): StatusChange => ({
  claimId: 'clm_1',
  claimNumber: 'A-1',
  version: 1,
  fromStatus: null,
  toStatus,
  billedCents: 12_500,
  payoutCents: null,
  payerName: 'Medicare',
  at: '2026-11-21T10:00:00.000Z',
  ...extra,
})

describe('day counters', () => {
  it('starts at zero for every status', () => {
    const c = emptyCounters('2026-11-21')
    expect(Object.values(c.byStatus).every((n) => n === 0)).toBe(true)
    expect(c.byStatus.reconciled).toBe(0)
  })

  it('counts billed value on receipt and money on payout, once each', () => {
    let c = emptyCounters('2026-11-21')
    c = applyChange(c, change('received'))
    c = applyChange(c, change('parsed', { version: 2 }))
    c = applyChange(c, change('paid', { version: 7, payoutCents: 11_875 }))
    expect(c.byStatus.received).toBe(1)
    expect(c.byStatus.parsed).toBe(1)
    expect(c.billedCents).toBe(12_500)
    expect(c.paidOutCents).toBe(11_875)
  })

  it('does not mutate the counters it was given', () => {
    const c = emptyCounters('2026-11-21')
    applyChange(c, change('received'))
    expect(c.byStatus.received).toBe(0)
  })
})
