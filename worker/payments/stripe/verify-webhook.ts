import Stripe from 'stripe'

export type WebhookVerification =
  | { ok: true; event: Stripe.Event }
  | { ok: false; reason: 'bad-signature' | 'stale-timestamp' | 'missing-signature' }

export type VerifyOptions = {
  /** Seconds a signed delivery stays acceptable; Stripe's default is 300. */
  toleranceSeconds?: number
  /** When the request arrived (ms); the wall clock by default. */
  receivedAtMs?: number
}

/**
 * Checks the Stripe-Signature header against the raw body (bytes as received: a re-serialised JSON
 * body would not match) with WebCrypto, which is what workerd has. A replayed delivery older than the
 * tolerance is refused even with a good signature, so a captured request cannot be replayed later.
 */
export async function verifyStripeWebhook(rawBody: string, signatureHeader: string | null | undefined, secret: string, opts: VerifyOptions = {}): Promise<WebhookVerification> {
  if (!signatureHeader) return { ok: false, reason: 'missing-signature' }
  try {
    const event = await Stripe.webhooks.constructEventAsync(rawBody, signatureHeader, secret, opts.toleranceSeconds, Stripe.createSubtleCryptoProvider(), opts.receivedAtMs)
    return { ok: true, event }
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error
    // The SDK checks the signature before the age, so a stale timestamp here also had a good signature.
    return { ok: false, reason: /tolerance zone/i.test(error.message) ? 'stale-timestamp' : 'bad-signature' }
  }
}
