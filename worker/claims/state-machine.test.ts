import { describe, expect, it } from 'vitest'
import { CLAIM_STATUSES } from '../contracts'
import { checkPath, checkTransition, isFinal, stepHasWork } from './state-machine'

describe('claim state machine', () => {
  it('walks the happy path from received to reconciled', () => {
    const path = ['parsed', 'coded', 'scored', 'approved', 'payout_pending', 'paid', 'submitted', 'adjudicated', 'reconciled'] as const
    expect(checkPath('received', path)).toEqual({ ok: true })
  })

  it('refuses to skip the payout', () => {
    expect(checkTransition('approved', 'paid')).toEqual({ ok: false, reason: 'illegal-transition', from: 'approved', to: 'paid' })
  })

  it('never leaves rejected or reconciled', () => {
    for (const to of CLAIM_STATUSES) {
      expect(checkTransition('rejected', to).ok).toBe(false)
      expect(checkTransition('reconciled', to).ok).toBe(false)
    }
    expect(isFinal('rejected')).toBe(true)
    expect(isFinal('paid')).toBe(false)
  })

  it('cannot reject a claim once money has moved', () => {
    for (const from of ['approved', 'payout_pending', 'paid', 'payout_failed', 'submitted'] as const) {
      expect(checkTransition(from, 'rejected').ok).toBe(false)
    }
  })

  it('lets a payout fail before or after it was sent, until the claim goes to the payer', () => {
    for (const from of ['payout_pending', 'paid'] as const) expect(checkTransition(from, 'payout_failed').ok).toBe(true)
    expect(checkTransition('submitted', 'payout_failed').ok).toBe(false)
    for (const from of ['approved', 'adjudicated', 'reconciled', 'rejected'] as const) expect(checkTransition(from, 'payout_failed').ok).toBe(false)
    expect(stepHasWork('pay', 'payout_failed')).toBe(false)
    expect(stepHasWork('submit', 'payout_failed')).toBe(false)
  })

  it('lets recoding loop back to coded', () => {
    expect(checkPath('parsed', ['needs_recode', 'coded', 'needs_recode', 'coded', 'scored'])).toEqual({ ok: true })
  })

  it('treats a step on a claim that moved on as nothing to do', () => {
    expect(stepHasWork('score', 'coded')).toBe(true)
    expect(stepHasWork('score', 'approved')).toBe(false)
    expect(stepHasWork('pay', 'payout_pending')).toBe(true)
    expect(stepHasWork('pay', 'paid')).toBe(false)
  })
})
