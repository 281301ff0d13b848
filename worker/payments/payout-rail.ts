export type PayoutRequest = {
  /** Derived from the claim and the step, and stored before the call, so a retry can never pay twice. */
  idempotencyKey: string
  amountCents: number
  providerId: string
  claimId: string
}

export type PayoutOutcome = { ok: true; transferId: string } | { ok: false; reason: string }

/** Where payouts leave ClaimPay: Stripe in production, a sandbox locally and in tests. */
export interface PayoutRail {
  /** Recorded with each payout so reconciliation knows where to look for the transfer ('sandbox', 'stripe'). */
  readonly name: string
  send(request: PayoutRequest): Promise<PayoutOutcome>
}
