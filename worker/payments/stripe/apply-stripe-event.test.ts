import { describe, expect, it } from 'vitest'
import { applyStripeEvent } from './apply-stripe-event'
import { sentPayoutState } from './payout-state'
import type { PayoutRailState } from './payout-state'

const state = sentPayoutState({ claimId: 'clm_1', accountId: 'acct_1', transferId: 'tr_1', payoutId: 'po_1', amountCents: 9_500 })

const payoutEvent = (type: 'payout.paid' | 'payout.failed' | 'payout.canceled', extra: Record<string, unknown> = {}) => ({
  id: `evt_${type}`,
  type,
  created: 1_800_000_000,
  account: 'acct_1',
  data: {
    object: {
      id: 'po_1',
      object: 'payout',
      amount: 9_500,
      status: type.slice('payout.'.length),
      failure_code: null,
      failure_message: null,
      metadata: { claim_id: 'clm_1' },
      ...extra,
    },
  },
})
const failed = payoutEvent('payout.failed', { failure_code: 'account_closed', failure_message: 'The bank account has been closed.' })
const reversed = (amountReversed: number) => ({
  id: `evt_rev_${amountReversed}`,
  type: 'transfer.reversed',
  created: 1_800_000_100,
  data: { object: { id: 'tr_1', object: 'transfer', amount: 9_500, amount_reversed: amountReversed, transfer_group: 'clm_1', metadata: {} } },
})

function applyAll(events: unknown[], from: PayoutRailState = state): PayoutRailState {
  return events.reduce<PayoutRailState>((s, e) => applyStripeEvent(s, e).state, from)
}

describe('applyStripeEvent', () => {
  it('moves a pending payout to paid, failed with the reason, or canceled', () => {
    expect(applyStripeEvent(state, payoutEvent('payout.paid'))).toMatchObject({ changed: true, transition: { from: 'pending', to: 'paid', failure: null } })
    expect(applyStripeEvent(state, failed)).toMatchObject({
      changed: true,
      state: { status: 'failed', failure: { code: 'account_closed', message: 'The bank account has been closed.' } },
      transition: { from: 'pending', to: 'failed' },
    })
    expect(applyStripeEvent(state, payoutEvent('payout.canceled')).state.status).toBe('canceled')
  })

  it('lets a paid payout fail later (a bank return) but never go back', () => {
    const paid = applyStripeEvent(state, payoutEvent('payout.paid')).state
    expect(applyStripeEvent(paid, failed)).toMatchObject({ changed: true, transition: { from: 'paid', to: 'failed' } })
    const failedState = applyStripeEvent(paid, failed).state
    expect(applyStripeEvent(failedState, payoutEvent('payout.paid'))).toEqual({ changed: false, state: failedState, why: 'superseded' })
    expect(applyStripeEvent(failedState, failed)).toEqual({ changed: false, state: failedState, why: 'already-applied' })
    const canceled = applyStripeEvent(state, payoutEvent('payout.canceled')).state
    expect(applyStripeEvent(canceled, payoutEvent('payout.paid'))).toMatchObject({ changed: false, why: 'superseded' })
  })

  it('records the cumulative transfer reversal, whatever order partial reversals arrive in', () => {
    expect(applyStripeEvent(state, reversed(4_000))).toMatchObject({ changed: true, reversal: { addedCents: 4_000, totalCents: 4_000 } })
    expect(applyAll([reversed(9_500), reversed(4_000)]).transferReversedCents).toBe(9_500)
    const once = applyAll([reversed(4_000)])
    expect(applyStripeEvent(once, reversed(4_000))).toMatchObject({ changed: false, why: 'already-applied' })
  })

  it('ignores events of other payouts, other accounts and other kinds', () => {
    expect(applyStripeEvent(state, { ...payoutEvent('payout.paid'), data: { object: { ...payoutEvent('payout.paid').data.object, id: 'po_2' } } })).toMatchObject({
      changed: false,
      why: 'not-this-payout',
    })
    expect(applyStripeEvent(state, { ...payoutEvent('payout.paid'), account: 'acct_2' })).toMatchObject({ changed: false, why: 'not-this-payout' })
    expect(applyStripeEvent(state, { ...reversed(1), data: { object: { ...reversed(1).data.object, id: 'tr_2' } } })).toMatchObject({ changed: false, why: 'not-this-payout' })
    expect(applyStripeEvent(state, { id: 'evt_x', type: 'transfer.created', data: { object: {} } })).toMatchObject({ changed: false, why: 'not-a-payout-event' })
    expect(applyStripeEvent(state, null)).toMatchObject({ changed: false, why: 'not-a-payout-event' })
  })

  it('reaches the same state for every order and duplication of the same deliveries', () => {
    const events = [payoutEvent('payout.paid'), failed, reversed(4_000), reversed(9_500)]
    const expected = applyAll(events)
    expect(expected).toMatchObject({ status: 'failed', transferReversedCents: 9_500, failure: { code: 'account_closed' } })
    for (const order of permutations(events)) {
      expect(applyAll(order)).toEqual(expected)
      expect(applyAll([...order, ...order.slice().reverse()])).toEqual(expected)
    }
  })
})

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}
