import { describe, expect, it } from 'vitest'
import type { LiveEvent } from '$contracts'
import { applyEvent, rowFromEvent } from './claim-row'

const event = (version: number, toStatus: LiveEvent['toStatus']): LiveEvent => ({
  seq: version,
  claimId: 'clm_1',
  claimNumber: 'A-1',
  version,
  fromStatus: null,
  toStatus,
  billedCents: 10_000,
  payoutCents: toStatus === 'paid' ? 9_500 : null,
  payerName: 'Aetna',
  at: '2026-11-21T10:00:00.000Z',
})

describe('applyEvent', () => {
  it('moves a row forward on a newer version', () => {
    const row = rowFromEvent(event(1, 'received'))
    expect(applyEvent(row, event(7, 'paid'))).toMatchObject({ status: 'paid', version: 7, payoutCents: 9_500 })
  })

  it('ignores replays and older versions, so a reconnect cannot move a row backwards', () => {
    const row = rowFromEvent(event(5, 'approved'))
    expect(applyEvent(row, event(5, 'approved'))).toBeNull()
    expect(applyEvent(row, event(2, 'parsed'))).toBeNull()
  })

  it('ignores another claim', () => {
    const row = rowFromEvent(event(1, 'received'))
    expect(applyEvent(row, { ...event(2, 'parsed'), claimId: 'clm_2' })).toBeNull()
  })
})
