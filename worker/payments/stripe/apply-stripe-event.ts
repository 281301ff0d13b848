import { canMove } from './payout-state'
import type { PayoutRailState, RailPayoutStatus } from './payout-state'
import { RailEvent } from './stripe-event'

export type StripeEventEffect =
  | { changed: true; state: PayoutRailState; transition: { from: RailPayoutStatus; to: RailPayoutStatus; failure: PayoutRailState['failure'] } }
  | { changed: true; state: PayoutRailState; reversal: { addedCents: number; totalCents: number } }
  | { changed: false; state: PayoutRailState; why: 'already-applied' | 'superseded' | 'not-this-payout' | 'not-a-payout-event' }

/**
 * Applies one verified Stripe event to a payout's state, purely. Idempotent and order-independent:
 * the same event twice, or an older event after a newer one, returns changed: false with the state
 * untouched, so the caller can apply every delivery it gets and commit only when something changed.
 */
export function applyStripeEvent(state: PayoutRailState, event: unknown): StripeEventEffect {
  const parsed = RailEvent.safeParse(event)
  if (!parsed.success) return { changed: false, state, why: 'not-a-payout-event' }
  const e = parsed.data
  if (e.type === 'transfer.reversed') {
    const t = e.data.object
    if (t.id !== state.transferId) return { changed: false, state, why: 'not-this-payout' }
    // amount_reversed is cumulative: the largest one seen is the truth, whatever order they came in.
    if (t.amount_reversed <= state.transferReversedCents) return { changed: false, state, why: 'already-applied' }
    const next = { ...state, transferReversedCents: t.amount_reversed }
    return { changed: true, state: next, reversal: { addedCents: t.amount_reversed - state.transferReversedCents, totalCents: t.amount_reversed } }
  }
  const p = e.data.object
  if (p.id !== state.payoutId || (e.account !== undefined && e.account !== state.accountId)) return { changed: false, state, why: 'not-this-payout' }
  const to: RailPayoutStatus = e.type === 'payout.paid' ? 'paid' : e.type === 'payout.failed' ? 'failed' : 'canceled'
  if (to === state.status) return { changed: false, state, why: 'already-applied' }
  if (!canMove(state.status, to)) return { changed: false, state, why: 'superseded' }
  const failure = to === 'failed' ? { code: p.failure_code ?? 'unknown', message: p.failure_message ?? 'The bank returned the payout.' } : null
  return { changed: true, state: { ...state, status: to, failure }, transition: { from: state.status, to, failure } }
}
