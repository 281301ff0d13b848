import { describe, expect, it } from 'vitest'
import type { ClaimEvent } from '$contracts'
import { appliedThreshold } from './score-threshold'

const event = (version: number, toStatus: ClaimEvent['toStatus'], step: string, detail: ClaimEvent['detail']): ClaimEvent => ({
  id: `evt_${version}`,
  claimId: 'clm_1',
  version,
  fromStatus: null,
  toStatus,
  step,
  detail,
  at: '2026-11-21T10:00:00.000Z',
})

describe('appliedThreshold', () => {
  it('reads the threshold from the score decision', () => {
    const events = [event(1, 'received', 'submit-json', null), event(4, 'scored', 'score', { score: 91 }), event(5, 'approved', 'score', { threshold: 75 })]
    expect(appliedThreshold(events)).toBe(75)
  })

  it('is null before scoring and ignores details of another shape', () => {
    expect(appliedThreshold([event(1, 'received', 'submit-json', null)])).toBeNull()
    expect(appliedThreshold([event(5, 'approved', 'score', { threshold: 'eighty' })])).toBeNull()
  })
})
