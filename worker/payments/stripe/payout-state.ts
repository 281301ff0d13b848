/**
 * Where a sent payout stands at Stripe, as the webhooks tell it. Statuses only move forward:
 *   pending -> paid -> failed      (a bank can return an ACH credit days after Stripe marked it paid)
 *   pending -> failed | canceled
 * failed and canceled are final. Anything else arriving later is older news and changes nothing,
 * which is what makes duplicated and reordered deliveries converge to one state.
 */
export type RailPayoutStatus = 'pending' | 'paid' | 'failed' | 'canceled'

export type PayoutRailState = {
  claimId: string
  accountId: string
  transferId: string
  payoutId: string
  amountCents: number
  status: RailPayoutStatus
  failure: { code: string; message: string } | null
  /** Cumulative, as Stripe reports it on the transfer: only ever grows. */
  transferReversedCents: number
}

const NEXT: Record<RailPayoutStatus, readonly RailPayoutStatus[]> = {
  pending: ['paid', 'failed', 'canceled'],
  paid: ['failed'],
  failed: [],
  canceled: [],
}

export function canMove(from: RailPayoutStatus, to: RailPayoutStatus): boolean {
  return NEXT[from].includes(to)
}

export function sentPayoutState(input: Omit<PayoutRailState, 'status' | 'failure' | 'transferReversedCents'>): PayoutRailState {
  return { ...input, status: 'pending', failure: null, transferReversedCents: 0 }
}
