import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startStripeLocal } from './server'
import { createProviderAccount, responseHeader, sdkFor, stripeFailure } from './test-support'

const server = await startStripeLocal({ seed: 'faults', startTime: 1_800_000_000 })
const stripe = sdkFor(server)
afterAll(() => server.close())
beforeEach(() => server.control.reset())

const params = (destination: string) => ({
  amount: 2_000,
  currency: 'usd',
  destination,
  transfer_group: 'clm_f',
  metadata: { claim_id: 'clm_f', provider_id: 'prov_1', step: 'transfer' },
})

async function funded() {
  server.control.topUpPlatformBalance(10_000)
  return createProviderAccount(stripe)
}

describe('injected 500s', () => {
  it('fails without doing the work; a retry with the same key then succeeds once', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'error' })
    const err = await stripeFailure(stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_f:transfer' }))
    expect(err).toMatchObject({ type: 'StripeAPIError', statusCode: 500, rawType: 'api_error' })
    expect(server.control.objects().transfers).toEqual([])
    expect(server.control.objects().balances.platform).toBe(10_000)

    const retried = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_f:transfer' })
    expect(responseHeader(retried, 'Idempotent-Replayed')).toBeNull()
    expect(server.control.objects().transfers).toHaveLength(1)
  })

  it('is retried by the SDK itself when maxNetworkRetries allows, still making one transfer', async () => {
    const account = await funded()
    const retrying = sdkFor(server, { maxNetworkRetries: 2 })
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'error' })
    const transfer = await retrying.transfers.create(params(account.id), { idempotencyKey: 'clm_f:transfer' })
    expect(transfer.amount).toBe(2_000)
    expect(server.control.objects().transfers).toHaveLength(1)
    expect(server.control.faults()).toEqual([])
  })

  it('with persistUnderKey, replays the 500 for that key as Stripe v1 does, until the key expires', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'error', persistUnderKey: true })
    await stripeFailure(stripe.transfers.create(params(account.id), { idempotencyKey: 'k500' }))
    const replay = await stripeFailure(stripe.transfers.create(params(account.id), { idempotencyKey: 'k500' }))
    expect(replay).toMatchObject({ statusCode: 500, rawType: 'api_error' })
    expect(server.control.objects().transfers).toEqual([])
    server.control.advanceClock(24 * 60 * 60)
    expect((await stripe.transfers.create(params(account.id), { idempotencyKey: 'k500' })).amount).toBe(2_000)
  })

  it('only hits the matching method and path, for the number of requests asked', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/payouts', mode: 'error', count: 2 })
    await stripe.transfers.create(params(account.id))
    await stripe.payouts.list({}, { stripeAccount: account.id })
    await stripeFailure(stripe.payouts.create({ amount: 1, currency: 'usd' }, { stripeAccount: account.id }))
    await stripeFailure(stripe.payouts.create({ amount: 1, currency: 'usd' }, { stripeAccount: account.id }))
    expect((await stripe.payouts.create({ amount: 1, currency: 'usd' }, { stripeAccount: account.id })).status).toBe('pending')
    expect(server.control.objects().payouts).toHaveLength(1)
  })
})

describe('responses lost after success', () => {
  it('500 after the transfer was made: the retry with the same key returns that transfer, no second one', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'error-after-success' })
    await expect(stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_f:transfer' })).rejects.toMatchObject({ statusCode: 500 })
    const made = server.control.objects().transfers
    expect(made).toHaveLength(1)

    const retried = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_f:transfer' })
    expect(retried.id).toBe(made[0]!.id)
    expect(responseHeader(retried, 'Idempotent-Replayed')).toBe('true')
    expect(server.control.objects().transfers).toHaveLength(1)
    expect(server.control.objects().balances.platform).toBe(8_000)
  })

  it('connection closed after the payout was made: StripeConnectionError, then the same payout on retry', async () => {
    const account = await funded()
    await stripe.transfers.create(params(account.id))
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/payouts', mode: 'drop-after-success' })
    const payoutParams = { amount: 2_000, currency: 'usd', metadata: { claim_id: 'clm_f', provider_id: 'prov_1', step: 'payout' } }
    const err = await stripeFailure(stripe.payouts.create(payoutParams, { stripeAccount: account.id, idempotencyKey: 'clm_f:payout' }))
    expect(err.type).toBe('StripeConnectionError')
    const retried = await stripe.payouts.create(payoutParams, { stripeAccount: account.id, idempotencyKey: 'clm_f:payout' })
    expect(server.control.objects().payouts.map((p) => p.id)).toEqual([retried.id])
    expect(server.control.objects().balances.accounts[account.id]).toBe(0)
  })

  it('the SDK retries a lost response with its own key and gets the original object back', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'drop-after-success' })
    const transfer = await sdkFor(server, { maxNetworkRetries: 1 }).transfers.create(params(account.id))
    expect(responseHeader(transfer, 'Idempotent-Replayed')).toBe('true')
    expect(server.control.objects().transfers.map((t) => t.id)).toEqual([transfer.id])
  })

  it('after a lost response, the transfer a new key would duplicate is found by transfer_group', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'drop-after-success' })
    await stripeFailure(stripe.transfers.create(params(account.id), { idempotencyKey: 'first' }))
    const existing = await stripe.transfers.list({ transfer_group: 'clm_f' })
    expect(existing.data).toHaveLength(1)
  })

  it('a connection closed before any work leaves nothing behind', async () => {
    const account = await funded()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'drop' })
    expect((await stripeFailure(stripe.transfers.create(params(account.id)))).type).toBe('StripeConnectionError')
    expect(server.control.objects().transfers).toEqual([])
    expect(server.control.objects().events).toEqual([])
  })
})
