import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { verifyStripeWebhook } from './verify-webhook'

const secret = 'whsec_test_verify'
const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payout.paid', created: 1_800_000_000, data: { object: { id: 'po_1' } } }, null, 2)
const header = (timestamp: number, withSecret = secret) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret: withSecret, timestamp })
const nowSeconds = 1_800_000_000

describe('verifyStripeWebhook', () => {
  it('accepts a delivery signed with the secret within the tolerance', async () => {
    const r = await verifyStripeWebhook(body, header(nowSeconds - 200), secret, { receivedAtMs: nowSeconds * 1000 })
    expect(r).toMatchObject({ ok: true, event: { id: 'evt_1', type: 'payout.paid' } })
  })

  it('refuses another secret, a changed body and a missing header as bad signatures', async () => {
    const opts = { receivedAtMs: nowSeconds * 1000 }
    expect(await verifyStripeWebhook(body, header(nowSeconds, 'whsec_other'), secret, opts)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(await verifyStripeWebhook(body.replace('po_1', 'po_2'), header(nowSeconds), secret, opts)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(await verifyStripeWebhook(body, 't=1,v1=zz', secret, opts)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(await verifyStripeWebhook(body, 'garbage', secret, opts)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(await verifyStripeWebhook(body, null, secret, opts)).toEqual({ ok: false, reason: 'missing-signature' })
  })

  it('refuses a genuine delivery replayed after the tolerance', async () => {
    expect(await verifyStripeWebhook(body, header(nowSeconds - 301), secret, { receivedAtMs: nowSeconds * 1000 })).toEqual({ ok: false, reason: 'stale-timestamp' })
    expect(await verifyStripeWebhook(body, header(nowSeconds - 301), secret, { receivedAtMs: nowSeconds * 1000, toleranceSeconds: 600 })).toMatchObject({ ok: true })
  })
})
