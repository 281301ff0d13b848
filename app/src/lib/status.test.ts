import { describe, expect, it } from 'vitest'
import { inPipelineCount } from './status'

describe('inPipelineCount', () => {
  it('counts claims received and not yet submitted or declined, not stage entries', () => {
    // 10 received; 6 went through every middle stage and were submitted; 1 was declined.
    const byStatus = { received: 10, parsed: 9, coded: 8, scored: 7, approved: 6, payout_pending: 6, paid: 6, submitted: 6, rejected: 1 }
    expect(inPipelineCount(byStatus)).toBe(3)
  })

  it('never goes below zero when earlier claims finish today', () => {
    expect(inPipelineCount({ received: 1, submitted: 4 })).toBe(0)
  })
})
