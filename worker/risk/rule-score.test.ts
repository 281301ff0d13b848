import { describe, expect, it } from 'vitest'
import { claimFixture, lineFixture } from '../test/claim-fixture'
import type { ClaimInput } from '../contracts'
import { isApprovedForPayout } from './payout-approval'
import { scoreClaimByRules } from './rule-score'
import { SCORE_RULE_LIST, SCORE_RULES } from './score-rules'

const TODAY = '2026-03-10'

const line = lineFixture

function claim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return claimFixture({ diagnoses: ['I10'], lines: [line('99213'), line('80053')], ...overrides })
}

function codesOf(input: ClaimInput, receivedToday?: number) {
  return scoreClaimByRules({ claim: input, today: TODAY, receivedToday }).reasons.map((r) => r.code)
}

describe('scoreClaimByRules', () => {
  it('scores a clean recent claim 100 with no reasons', () => {
    expect(scoreClaimByRules({ claim: claim(), today: TODAY })).toEqual({ score: 100, reasons: [] })
  })

  it('takes off points for late filing, more past a year', () => {
    const late = scoreClaimByRules({ claim: claim({ serviceDate: '2025-11-30' }), today: TODAY })
    expect(late.score).toBe(100 - SCORE_RULES.filingLate90.points)
    expect(late.reasons[0]?.message).toContain('Submitted 100 days after the date of service')
    const expired = scoreClaimByRules({ claim: claim({ serviceDate: '2025-03-09' }), today: TODAY })
    expect(expired.score).toBe(100 - SCORE_RULES.filingLate90.points - SCORE_RULES.filingLate365.points)
    expect(expired.reasons.map((r) => r.code)).toEqual(['timely-filing-risk', 'timely-filing-expired'])
  })

  it('flags an office visit billed with a procedure unless the visit has modifier 25', () => {
    expect(codesOf(claim({ lines: [line('99214'), line('20610')] }))).toEqual(['em-without-modifier-25'])
    expect(codesOf(claim({ lines: [line('99214', { modifiers: ['25'] }), line('20610')] }))).toEqual([])
    expect(codesOf(claim({ lines: [line('99214'), line('36415'), line('85025')] }))).toEqual([])
  })

  it('flags units above the cap, high line charges, long claims and volume spikes', () => {
    expect(codesOf(claim({ lines: [line('99213', { units: 2 }), line('J3420', { units: 11 })] }))).toEqual(['units-above-cap'])
    expect(codesOf(claim({ lines: [line('20610', { chargeCents: 500_001 })] }))).toEqual(['high-line-charge'])
    expect(codesOf(claim({ lines: Array.from({ length: 13 }, () => line('36415')) }))).toEqual(['many-lines'])
    expect(codesOf(claim(), 201)).toEqual(['unusual-daily-volume'])
    expect(codesOf(claim(), 200)).toEqual([])
  })

  it('never goes below 0 and every reason names its points', () => {
    const bad = claim({
      serviceDate: '2020-01-01',
      lines: [...Array.from({ length: 12 }, () => line('20610', { units: 50, chargeCents: 900_000 })), line('99215')],
    })
    const result = scoreClaimByRules({ claim: bad, today: TODAY, receivedToday: 999 })
    expect(result.score).toBe(0)
    expect(result.reasons).toHaveLength(SCORE_RULE_LIST.length)
    for (const reason of result.reasons) expect(reason.message).toMatch(/\(\u2212\d+ points\)$/)
  })
})

describe('isApprovedForPayout', () => {
  it('approves only strictly above the threshold', () => {
    expect(isApprovedForPayout(81, 80)).toBe(true)
    expect(isApprovedForPayout(80, 80)).toBe(false)
  })
})
