import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { StripeIdempotencyMisuse, stripeFailure } from './stripe-failure'

const raw = (extra: Record<string, unknown> = {}) => ({ message: 'echoed input 000123456789', requestId: 'req_1', ...extra })

describe('stripeFailure', () => {
  it('retries what may succeed with the same key, and not what Stripe stored as refused', () => {
    expect(stripeFailure(new Stripe.errors.StripeAPIError(raw()))).toEqual({ ok: false, reason: 'stripe-api-error', retryable: true, requestId: 'req_1' })
    expect(stripeFailure(new Stripe.errors.StripeConnectionError(raw()))).toMatchObject({ reason: 'stripe-unreachable', retryable: true })
    expect(stripeFailure(new Stripe.errors.StripeRateLimitError(raw()))).toMatchObject({ reason: 'rate-limited', retryable: true })
    expect(stripeFailure(new Stripe.errors.StripeCardError(raw({ code: 'card_declined' })))).toMatchObject({ reason: 'card-declined', retryable: false })
    expect(stripeFailure(new Stripe.errors.StripeInvalidRequestError(raw({ code: 'account_number_invalid' })))).toMatchObject({ reason: 'bank-account-invalid', retryable: false })
    expect(stripeFailure(new Stripe.errors.StripeInvalidRequestError(raw({ code: 'balance_insufficient' })))).toMatchObject({ reason: 'balance-insufficient', retryable: false })
    expect(stripeFailure(new Stripe.errors.StripeAuthenticationError(raw()))).toMatchObject({ reason: 'stripe-credentials', retryable: false })
    expect(stripeFailure(new Stripe.errors.StripeInvalidRequestError(raw({ code: 'parameter_unknown' })))).toMatchObject({ reason: 'invalid-request', retryable: false })
  })

  it('never carries Stripe messages, which can echo what was sent', () => {
    expect(JSON.stringify(stripeFailure(new Stripe.errors.StripeInvalidRequestError(raw({ code: 'account_number_invalid' }))))).not.toContain('000123456789')
  })

  it('throws on a reused key and on anything that is not a Stripe error', () => {
    expect(() => stripeFailure(new Stripe.errors.StripeIdempotencyError(raw()))).toThrow(StripeIdempotencyMisuse)
    expect(() => stripeFailure(new TypeError('bug'))).toThrow(TypeError)
  })
})
