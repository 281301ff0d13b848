import Stripe from 'stripe'

export type StripeFailureReason =
  | 'balance-insufficient'
  | 'connected-account-missing'
  | 'account-cannot-receive-transfers'
  | 'bank-account-invalid'
  | 'card-declined'
  | 'invalid-request'
  | 'stripe-credentials'
  | 'rate-limited'
  | 'stripe-api-error'
  | 'stripe-unreachable'

/**
 * A Stripe call that failed as calls to Stripe do. retryable: true means "retry with the same
 * idempotency key" (nothing was decided, or the same key will return what was); false means the same
 * key will keep returning this answer (Stripe stores a 4xx under the key for 24 h), so the cause must
 * be fixed and the next attempt must use a new key.
 */
export type StripeFailure = {
  ok: false
  reason: StripeFailureReason
  retryable: boolean
  /** Stripe's error code and request id for support tickets; Stripe messages are not kept (they may echo input). */
  stripeCode?: string
  requestId?: string
}

/** A key reused with other parameters: our key derivation is wrong, which no retry can fix. */
export class StripeIdempotencyMisuse extends Error {
  override name = 'StripeIdempotencyMisuse'
}

const BANK_CODES = new Set(['routing_number_invalid', 'account_number_invalid', 'bank_account_unusable', 'bank_account_declined', 'bank_account_unverified', 'bank_account_restricted'])

/** Maps what the SDK throws to a value; anything that is not a Stripe API error is rethrown (a bug here). */
export function stripeFailure(error: unknown): StripeFailure {
  if (!(error instanceof Stripe.errors.StripeError)) throw error
  if (error instanceof Stripe.errors.StripeIdempotencyError || error.rawType === 'idempotency_error') {
    throw new StripeIdempotencyMisuse(`idempotency key reused with different parameters (request ${error.requestId ?? 'unknown'})`)
  }
  const failure = (reason: StripeFailureReason, retryable: boolean): StripeFailure => ({
    ok: false,
    reason,
    retryable,
    ...(error.code !== undefined ? { stripeCode: error.code } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
  })
  if (error instanceof Stripe.errors.StripeConnectionError) return failure('stripe-unreachable', true)
  if (error instanceof Stripe.errors.StripeAPIError) return failure('stripe-api-error', true)
  if (error instanceof Stripe.errors.StripeRateLimitError) return failure('rate-limited', true)
  if (error instanceof Stripe.errors.StripeCardError) return failure('card-declined', false)
  if (error.code === 'account_invalid' || (error.code === 'resource_missing' && error.param === 'destination')) return failure('connected-account-missing', false)
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) return failure('stripe-credentials', false)
  if (error.code === 'balance_insufficient') return failure('balance-insufficient', false)
  if (error.code === 'insufficient_capabilities_for_transfer') return failure('account-cannot-receive-transfers', false)
  if (error.code !== undefined && BANK_CODES.has(error.code)) return failure('bank-account-invalid', false)
  return failure('invalid-request', false)
}
