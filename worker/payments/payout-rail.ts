export type PayoutRequest = {
  /** Derived from the claim and the step, and stored before the call, so a retry can never pay twice. */
  idempotencyKey: string
  amountCents: number
  providerId: string
  claimId: string
  /**
   * When the key was first stored. A rail whose keys expire (Stripe: 24 h) looks up what an earlier
   * attempt made before creating anything, so a late retry cannot pay twice. Unset: just stored.
   */
  keyStoredAt?: Date
}

/**
 * `retryable: false` means the rail has given its answer for this key (a retry with it gets the same
 * refusal): the cause must be fixed and a new attempt made. Unset or true: retry with the same key.
 */
export type PayoutOutcome =
  | { ok: true; transferId: string; payoutId?: string; accountId?: string }
  | { ok: false; reason: string; retryable?: boolean }

/** Where payouts leave ClaimPay: Stripe in production, a sandbox locally and in tests. */
export interface PayoutRail {
  /** Recorded with each payout so reconciliation knows where to look for the transfer ('sandbox', 'stripe'). */
  readonly name: string
  send(request: PayoutRequest): Promise<PayoutOutcome>
}

/** The rail could not pay because the provider has no bank account ready for payouts. */
export const PROVIDER_NOT_ONBOARDED = 'provider-not-onboarded'
