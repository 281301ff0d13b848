import { applyStripeWebhook } from '../../payments/d1/apply-stripe-webhook'
import { verifyStripeWebhook } from '../../payments/stripe'
import { hubPublisher } from '../../platform'
import { apiRouter } from '../api-app'
import { ApiProblem } from '../problem'

/** Stripe's events are a few kilobytes; anything far larger is not from Stripe. */
const MAX_WEBHOOK_BYTES = 256 * 1024

const REFUSED = {
  'missing-signature': 'The Stripe-Signature header is missing',
  'bad-signature': 'The signature does not match',
  'stale-timestamp': 'The signed timestamp is too old',
} as const

/**
 * Stripe's deliveries. A machine route: no session and no CSRF token (it is outside the provider paths
 * that carry them, see app.ts); the signature over the raw body, with the endpoint's secret, is the
 * authentication. A refused delivery stores nothing. A 500 (or retry-later, as 503) makes Stripe
 * deliver again, which is safe: events are stored once by id and applied idempotently.
 */
export const stripeWebhookRoutes = apiRouter().post('/webhooks/stripe', async (c) => {
  const signature = c.req.header('stripe-signature')
  if (!signature) throw new ApiProblem(400, 'missing-signature', REFUSED['missing-signature'], 'The delivery was not accepted and nothing was stored.')
  const secret = c.var.config.STRIPE_WEBHOOK_SECRET
  if (!secret) throw new ApiProblem(503, 'webhooks-not-configured', 'Stripe webhooks are not configured on this server')
  if (Number(c.req.header('content-length') ?? 0) > MAX_WEBHOOK_BYTES) throw new ApiProblem(413, 'payload-too-large', 'The request body is too large')
  // The signature covers these exact bytes: the body is read as text, never parsed and re-serialised.
  const raw = await c.req.text()
  if (raw.length > MAX_WEBHOOK_BYTES) throw new ApiProblem(413, 'payload-too-large', 'The request body is too large')
  const verified = await verifyStripeWebhook(raw, signature, secret)
  if (!verified.ok) throw new ApiProblem(400, verified.reason, REFUSED[verified.reason], 'The delivery was not accepted and nothing was stored.')

  const outcome = await applyStripeWebhook(c.env.DB, verified.event, new Date())
  console.info(JSON.stringify({ level: 'info', at: 'stripe-webhook', eventId: verified.event.id, type: verified.event.type, outcome: outcome.kind }))
  if (outcome.kind === 'retry-later') throw new ApiProblem(503, outcome.why, 'Not ready for this event yet', 'Deliver it again later.')
  if (outcome.kind === 'applied' && outcome.changes.length > 0) {
    c.executionCtx.waitUntil(hubPublisher(c.env).publish(outcome.providerId, outcome.changes).catch(() => undefined))
  }
  return c.json({ received: true, duplicate: outcome.kind === 'duplicate' }, 200)
})
