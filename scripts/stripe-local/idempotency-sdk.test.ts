import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { IDEMPOTENCY_KEY_TTL_SECONDS } from './idempotency'
import { startStripeLocal } from './server'
import { createProviderAccount, responseHeader, sdkFor, stripeFailure } from './test-support'

const server = await startStripeLocal({ seed: 'idem', startTime: 1_800_000_000 })
const stripe = sdkFor(server)
afterAll(() => server.close())
beforeEach(() => server.control.reset())

const params = (destination: string, amount = 1_000) => ({
  amount,
  currency: 'usd',
  destination,
  transfer_group: 'clm_9',
  metadata: { claim_id: 'clm_9', provider_id: 'prov_1', step: 'transfer' },
})

async function funded(amount = 10_000) {
  server.control.topUpPlatformBalance(amount)
  return createProviderAccount(stripe)
}

describe('Idempotency-Key, as Stripe applies it', () => {
  it('replays the stored response for the same key and parameters, marked Idempotent-Replayed', async () => {
    const account = await funded()
    const first = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_9:transfer' })
    const again = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_9:transfer' })
    expect(again).toEqual(first)
    expect(responseHeader(first, 'Idempotent-Replayed')).toBeNull()
    expect(responseHeader(again, 'Idempotent-Replayed')).toBe('true')
    expect(responseHeader(again, 'Original-Request')).toBe(first.lastResponse.requestId)
    expect(server.control.objects().transfers).toHaveLength(1)
    expect(server.control.objects().balances.platform).toBe(9_000)
  })

  it('compares parameters by value, not by the order they were sent in', async () => {
    const account = await funded()
    const first = await stripe.transfers.create(params(account.id), { idempotencyKey: 'k' })
    const { metadata, ...rest } = params(account.id)
    const reordered = await stripe.transfers.create({ metadata: { step: metadata.step, provider_id: metadata.provider_id, claim_id: metadata.claim_id }, ...rest }, { idempotencyKey: 'k' })
    expect(reordered.id).toBe(first.id)
  })

  it('rejects the same key with different parameters: StripeIdempotencyError, nothing created', async () => {
    const account = await funded()
    await stripe.transfers.create(params(account.id, 1_000), { idempotencyKey: 'clm_9:transfer' })
    const err = await stripeFailure(stripe.transfers.create(params(account.id, 1_001), { idempotencyKey: 'clm_9:transfer' }))
    expect(err).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400, rawType: 'idempotency_error' })
    expect(err.message).toContain("Try using a key other than 'clm_9:transfer'")
    expect(server.control.objects().transfers).toHaveLength(1)
    expect(server.control.objects().balances.platform).toBe(9_000)
  })

  it('rejects the same key on another endpoint', async () => {
    const account = await funded()
    await stripe.transfers.create(params(account.id), { idempotencyKey: 'shared' })
    const err = await stripeFailure(stripe.accounts.create({ type: 'custom' }, { idempotencyKey: 'shared' }))
    expect(err).toMatchObject({ type: 'StripeIdempotencyError' })
    expect(err.message).toContain("('/v1/transfers' vs '/v1/accounts')")
  })

  it('scopes keys per connected account: the same key on two accounts makes two payouts', async () => {
    server.control.topUpPlatformBalance(10_000)
    const a = await createProviderAccount(stripe)
    const b = await createProviderAccount(stripe)
    await stripe.transfers.create(params(a.id))
    await stripe.transfers.create(params(b.id))
    const pa = await stripe.payouts.create({ amount: 500, currency: 'usd' }, { stripeAccount: a.id, idempotencyKey: 'payout-1' })
    const pb = await stripe.payouts.create({ amount: 500, currency: 'usd' }, { stripeAccount: b.id, idempotencyKey: 'payout-1' })
    expect(pa.id).not.toBe(pb.id)
    expect(server.control.objects().payouts).toHaveLength(2)
  })

  it('does not save requests rejected while reading their parameters: corrected, the same key works', async () => {
    const account = await funded()
    const bad = await stripeFailure(stripe.transfers.create({ ...params(account.id), amount: -5 }, { idempotencyKey: 'k-fix' }))
    expect(bad).toMatchObject({ param: 'amount' })
    const good = await stripe.transfers.create(params(account.id), { idempotencyKey: 'k-fix' })
    expect(good.amount).toBe(1_000)
  })

  it('saves failures of the operation itself: a refused transfer stays refused under its key', async () => {
    const account = await funded(500)
    const first = await stripeFailure(stripe.transfers.create(params(account.id, 1_000), { idempotencyKey: 'k-poor' }))
    expect(first).toMatchObject({ code: 'balance_insufficient' })
    server.control.topUpPlatformBalance(10_000)
    const replay = await stripeFailure(stripe.transfers.create(params(account.id, 1_000), { idempotencyKey: 'k-poor' }))
    expect(replay).toMatchObject({ code: 'balance_insufficient' })
    expect(server.control.objects().transfers).toEqual([])
    // A new key is a new request.
    expect((await stripe.transfers.create(params(account.id, 1_000), { idempotencyKey: 'k-poor-2' })).amount).toBe(1_000)
  })

  it('forgets keys after 24 hours: the same key then pays again, which is why callers look up by transfer_group first', async () => {
    const account = await funded()
    const first = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_9:transfer' })

    server.control.advanceClock(IDEMPOTENCY_KEY_TTL_SECONDS - 1)
    expect((await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_9:transfer' })).id).toBe(first.id)

    server.control.advanceClock(1)
    // The lookup the product does before retrying an old key finds the transfer already made.
    const found = await stripe.transfers.list({ transfer_group: 'clm_9', limit: 10 })
    expect(found.data.map((t) => t.id)).toEqual([first.id])
    expect(found.data[0]!.metadata).toMatchObject({ claim_id: 'clm_9', step: 'transfer' })

    // Without that lookup the expired key would move the money a second time.
    const second = await stripe.transfers.create(params(account.id), { idempotencyKey: 'clm_9:transfer' })
    expect(second.id).not.toBe(first.id)
    expect(responseHeader(second, 'Idempotent-Replayed')).toBeNull()
    expect(server.control.objects().transfers).toHaveLength(2)
  })

  it('keys every SDK POST itself, so its own retries are safe even without a caller key', async () => {
    const account = await funded()
    const transfer = await stripe.transfers.create(params(account.id))
    expect(transfer.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-/)
  })
})
