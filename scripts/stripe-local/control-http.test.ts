import { afterAll, describe, expect, it } from 'vitest'
import { startStripeLocal } from './server'
import { createProviderAccount, sdkFor, stripeFailure } from './test-support'

const server = await startStripeLocal({ seed: 'control', startTime: 1_800_000_000 })
const stripe = sdkFor(server)
afterAll(() => server.close())

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/__control${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('the control API over HTTP', () => {
  it('tops up, injects a fault, advances the clock, settles, lists objects and resets', async () => {
    expect(await control('POST', '/balance/top-up', { amount: 5_000 })).toEqual({ status: 200, body: { available: 5_000 } })
    const account = await createProviderAccount(stripe)
    expect((await control('POST', '/faults', { method: 'POST', pathPrefix: '/v1/transfers', mode: 'error' })).status).toBe(200)
    expect((await control('GET', '/faults')).body.faults).toHaveLength(1)
    await stripeFailure(stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id }))
    await stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id })
    await stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: account.id })

    expect(await control('GET', '/clock')).toEqual({ status: 200, body: { now: 1_800_000_000 } })
    const advanced = await control('POST', '/clock/advance', { seconds: 3 * 86_400 })
    expect(advanced.body).toMatchObject({ now: 1_800_000_000 + 3 * 86_400, settled: [{ status: 'paid' }] })

    const objects = (await control('GET', '/objects')).body
    expect(objects).toMatchObject({ balances: { platform: 4_900, accounts: { [account.id]: 0 } } })
    expect(objects.transfers).toHaveLength(1)
    expect(objects.payouts).toHaveLength(1)

    expect(await control('POST', '/reset')).toEqual({ status: 200, body: { ok: true } })
    expect((await control('GET', '/objects')).body).toMatchObject({ transfers: [], payouts: [], accounts: [], now: 1_800_000_000 })
  })

  it('arms payout failures and settles on request', async () => {
    server.control.reset()
    await control('POST', '/balance/top-up', { amount: 1_000 })
    const account = await createProviderAccount(stripe)
    await stripe.transfers.create({ amount: 600, currency: 'usd', destination: account.id })
    await control('POST', '/payouts/fail-next', { failureCode: 'could_not_process' })
    const a = await stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: account.id })
    const b = await stripe.payouts.create({ amount: 200, currency: 'usd' }, { stripeAccount: account.id })
    const c = await stripe.payouts.create({ amount: 300, currency: 'usd' }, { stripeAccount: account.id })
    const settled = (await control('POST', '/payouts/settle', { ids: [a.id, b.id] })).body.settled
    expect(settled).toMatchObject([
      { id: a.id, status: 'failed', failure_code: 'could_not_process' },
      { id: b.id, status: 'paid' },
    ])
    expect((await control('POST', '/payouts/settle', { failureCode: 'account_closed' })).body.settled).toMatchObject([{ id: c.id, status: 'failed', failure_code: 'account_closed' }])
    expect(server.control.objects().balances.accounts[account.id]).toBe(400)
  })

  it('refuses malformed control requests with 400 and unknown operations with 404', async () => {
    expect((await control('POST', '/clock/advance', { seconds: -1 })).status).toBe(400)
    expect((await control('POST', '/faults', { method: 'POST', pathPrefix: '/v1/x', mode: 'explode' })).status).toBe(400)
    expect((await control('POST', '/balance/top-up', { amount: 1.5 })).status).toBe(400)
    expect((await control('POST', '/nope')).status).toBe(404)
    const res = await fetch(`${server.url}/__control/clock/advance`, { method: 'POST', body: '{not json' })
    expect(res.status).toBe(400)
  })

  it('switches the webhook endpoint, mode, duplication and tampering over HTTP', async () => {
    expect((await control('POST', '/webhooks/endpoint', { url: 'http://127.0.0.1:1/hook', secret: 'whsec_x' })).status).toBe(200)
    expect((await control('POST', '/webhooks/mode', { mode: 'manual' })).status).toBe(200)
    expect((await control('POST', '/webhooks/duplicate-next', { count: 1 })).status).toBe(200)
    expect((await control('POST', '/webhooks/tamper-next', { kind: 'stale-timestamp' })).status).toBe(200)
    expect((await control('POST', '/webhooks/deliver', { shuffleSeed: 3 })).body).toEqual({ results: [] })
    expect((await control('GET', '/webhooks')).body).toEqual({ deliveries: [] })
    expect((await control('POST', '/webhooks/endpoint', null)).status).toBe(200)
  })
})
