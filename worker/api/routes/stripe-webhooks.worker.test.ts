import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { callWorker, deliverWebhook, signStripe, TEST_WEBHOOK_SECRET } from '../../test/stripe-env'

async function stored(id: string) {
  return (await env.DB.prepare('SELECT id, type, applied FROM stripe_events WHERE id = ?').bind(id).all()).results
}

/** An event the rail does not act on (transfer.created), with a fresh id. */
function transferCreated() {
  const id = `evt_t${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`
  return {
    id,
    object: 'event',
    type: 'transfer.created',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: `tr_${id.slice(5)}`, object: 'transfer', amount: 100, amount_reversed: 0, transfer_group: null, metadata: {} } },
  }
}

describe('POST /api/v1/webhooks/stripe', () => {
  it('refuses a bad signature with 400 problem+json and stores nothing', async () => {
    const event = transferCreated()
    const res = await deliverWebhook(event, { secret: 'whsec_notthesecret' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(((await res.json()) as { type: string }).type).toContain('bad-signature')
    expect(await stored(event.id)).toEqual([])
  })

  it('refuses a delivery signed too long ago, and one without a signature', async () => {
    const event = transferCreated()
    const stale = await deliverWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
    expect(stale.status).toBe(400)
    expect(((await stale.json()) as { type: string }).type).toContain('stale-timestamp')
    const unsigned = await callWorker(new Request('https://claimpay.test/api/v1/webhooks/stripe', { method: 'POST', body: JSON.stringify(event) }))
    expect(unsigned.status).toBe(400)
    expect(await stored(event.id)).toEqual([])
  })

  it('refuses a body changed after signing', async () => {
    const event = transferCreated()
    const body = JSON.stringify(event, null, 2)
    const signature = await signStripe(body, TEST_WEBHOOK_SECRET)
    const res = await callWorker(new Request('https://claimpay.test/api/v1/webhooks/stripe', { method: 'POST', headers: { 'stripe-signature': signature }, body: body.replace('"amount": 100', '"amount": 900') }))
    expect(res.status).toBe(400)
    expect(await stored(event.id)).toEqual([])
  })

  it('stores an event once by its id: a redelivery is answered 200 and changes nothing', async () => {
    const event = transferCreated()
    const first = await deliverWebhook(event)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ received: true, duplicate: false })
    const second = await deliverWebhook(event)
    expect(second.status).toBe(200)
    expect(await second.json()).toEqual({ received: true, duplicate: true })
    expect(await stored(event.id)).toEqual([{ id: event.id, type: 'transfer.created', applied: 1 }])
  })

  it('needs no session or CSRF token, and is off when no webhook secret is configured', async () => {
    const event = transferCreated()
    const res = await deliverWebhook(event, { bindings: env })
    expect(res.status).toBe(503)
    expect(await stored(event.id)).toEqual([])
  })
})
