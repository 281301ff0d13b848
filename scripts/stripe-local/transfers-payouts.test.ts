import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startStripeLocal } from './server'
import { createProviderAccount, sdkFor, stripeFailure } from './test-support'

const TWO_DAYS = 2 * 24 * 60 * 60
const server = await startStripeLocal({ seed: 'money', startTime: 1_800_000_000 })
const stripe = sdkFor(server)
afterAll(() => server.close())
beforeEach(() => server.control.reset())

const claimTransfer = (destination: string, amount: number, claimId = 'clm_1') => ({
  amount,
  currency: 'usd',
  destination,
  transfer_group: claimId,
  metadata: { claim_id: claimId, provider_id: 'prov_1', step: 'transfer' },
})

async function balances(account: string) {
  const [platform, connected] = await Promise.all([stripe.balance.retrieve(), stripe.balance.retrieve({}, { stripeAccount: account })])
  return { platform: platform.available[0]!.amount, connected: connected.available[0]!.amount }
}

describe('transfer then payout, the happy path', () => {
  it('moves funds platform -> connected account -> bank, and the payout settles at its arrival date', async () => {
    server.control.topUpPlatformBalance(100_000)
    const account = await createProviderAccount(stripe)

    const transfer = await stripe.transfers.create(claimTransfer(account.id, 9_500))
    expect(transfer).toMatchObject({ object: 'transfer', amount: 9_500, currency: 'usd', destination: account.id, transfer_group: 'clm_1', reversed: false })
    expect(transfer.metadata).toEqual({ claim_id: 'clm_1', provider_id: 'prov_1', step: 'transfer' })
    expect(await balances(account.id)).toEqual({ platform: 90_500, connected: 9_500 })

    const payout = await stripe.payouts.create(
      { amount: 9_500, currency: 'usd', method: 'standard', metadata: { claim_id: 'clm_1', provider_id: 'prov_1', step: 'payout' } },
      { stripeAccount: account.id },
    )
    expect(payout).toMatchObject({ status: 'pending', amount: 9_500, method: 'standard', destination: account.external_accounts!.data[0]!.id })
    expect(payout.arrival_date).toBe(1_800_000_000 + TWO_DAYS)
    expect(await balances(account.id)).toEqual({ platform: 90_500, connected: 0 })

    expect(server.control.advanceClock(TWO_DAYS - 1).settled).toEqual([])
    const { settled } = server.control.advanceClock(1)
    expect(settled.map((p) => [p.id, p.status])).toEqual([[payout.id, 'paid']])
    expect(await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account.id })).toMatchObject({ status: 'paid' })
    expect(server.control.objects().events.map((e) => e.type)).toEqual(['transfer.created', 'payout.created', 'payout.paid'])
  })

  it('finds transfers by transfer_group and pages newest first', async () => {
    server.control.topUpPlatformBalance(100_000)
    const account = await createProviderAccount(stripe)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await stripe.transfers.create(claimTransfer(account.id, 100 + i, i === 2 ? 'clm_x' : 'clm_y'))).id)
    const x = await stripe.transfers.list({ transfer_group: 'clm_x', limit: 10 })
    expect(x).toMatchObject({ object: 'list', has_more: false })
    expect(x.data.map((t) => t.id)).toEqual([ids[2]])
    const page1 = await stripe.transfers.list({ transfer_group: 'clm_y', limit: 2 })
    expect(page1.data.map((t) => t.id)).toEqual([ids[4], ids[3]])
    expect(page1.has_more).toBe(true)
    const page2 = await stripe.transfers.list({ transfer_group: 'clm_y', limit: 2, starting_after: ids[3] })
    expect(page2.data.map((t) => t.id)).toEqual([ids[1], ids[0]])
    expect(page2.has_more).toBe(false)
    expect(await stripe.transfers.list({ transfer_group: 'clm_none' })).toMatchObject({ data: [], has_more: false })
  })

  it('lists payouts on the connected account only', async () => {
    server.control.topUpPlatformBalance(10_000)
    const a = await createProviderAccount(stripe)
    const b = await createProviderAccount(stripe)
    await stripe.transfers.create(claimTransfer(a.id, 1_000))
    const p1 = await stripe.payouts.create({ amount: 400, currency: 'usd' }, { stripeAccount: a.id })
    const p2 = await stripe.payouts.create({ amount: 600, currency: 'usd' }, { stripeAccount: a.id })
    const listed = await stripe.payouts.list({ limit: 1 }, { stripeAccount: a.id })
    expect(listed.data.map((p) => p.id)).toEqual([p2.id])
    expect(listed.has_more).toBe(true)
    expect((await stripe.payouts.list({ limit: 5, starting_after: p2.id }, { stripeAccount: a.id })).data.map((p) => p.id)).toEqual([p1.id])
    expect((await stripe.payouts.list({}, { stripeAccount: b.id })).data).toEqual([])
    // A payout lives on its connected account: neither the platform nor another account can read it.
    expect(await stripeFailure(stripe.payouts.retrieve(p1.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' })
    expect(await stripeFailure(stripe.payouts.retrieve(p1.id, {}, { stripeAccount: b.id }))).toMatchObject({ statusCode: 404 })
  })
})

describe('refusals leave no trace', () => {
  it('refuses a transfer beyond the platform balance: balance_insufficient, no transfer, balances unchanged', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    const err = await stripeFailure(stripe.transfers.create(claimTransfer(account.id, 1_001)))
    expect(err).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'balance_insufficient' })
    expect(server.control.objects().transfers).toEqual([])
    expect(server.control.objects().events).toEqual([])
    expect(await balances(account.id)).toEqual({ platform: 1_000, connected: 0 })
  })

  it('refuses a payout beyond the connected balance', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    await stripe.transfers.create(claimTransfer(account.id, 500))
    const err = await stripeFailure(stripe.payouts.create({ amount: 501, currency: 'usd' }, { stripeAccount: account.id }))
    expect(err).toMatchObject({ statusCode: 400, code: 'balance_insufficient' })
    expect(server.control.objects().payouts).toEqual([])
    expect(await balances(account.id)).toEqual({ platform: 500, connected: 500 })
  })

  it('refuses a transfer to an unknown destination, a zero amount and another currency', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    expect(await stripeFailure(stripe.transfers.create(claimTransfer('acct_missing', 100)))).toMatchObject({ code: 'resource_missing', param: 'destination' })
    expect(await stripeFailure(stripe.transfers.create(claimTransfer(account.id, 0)))).toMatchObject({ param: 'amount' })
    expect(await stripeFailure(stripe.transfers.create({ ...claimTransfer(account.id, 10), currency: 'eur' }))).toMatchObject({ param: 'currency' })
    expect(await stripeFailure(stripe.transfers.create({ ...claimTransfer(account.id, 10), amount: 1.5 }))).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'amount',
    })
    expect(server.control.objects().transfers).toEqual([])
    expect(server.control.objects().balances.platform).toBe(1_000)
  })

  it('refuses a transfer to an account without the transfers capability', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await stripe.accounts.create({ type: 'custom', country: 'US' })
    expect(await stripeFailure(stripe.transfers.create(claimTransfer(account.id, 100)))).toMatchObject({ code: 'insufficient_capabilities_for_transfer' })
  })

  it('refuses a payout from the platform itself', async () => {
    expect(await stripeFailure(stripe.payouts.create({ amount: 1, currency: 'usd' }))).toMatchObject({ statusCode: 400 })
  })
})

describe('reversals and cancellations return the money', () => {
  it('reverses part, then the rest, of a transfer', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    const transfer = await stripe.transfers.create(claimTransfer(account.id, 800))
    const partial = await stripe.transfers.createReversal(transfer.id, { amount: 300, metadata: { claim_id: 'clm_1' } })
    expect(partial).toMatchObject({ object: 'transfer_reversal', amount: 300, transfer: transfer.id })
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 300, reversed: false })
    expect(await stripeFailure(stripe.transfers.createReversal(transfer.id, { amount: 501 }))).toMatchObject({ param: 'amount' })
    await stripe.transfers.createReversal(transfer.id)
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 800, reversed: true })
    expect(await balances(account.id)).toEqual({ platform: 1_000, connected: 0 })
    expect((await stripe.transfers.listReversals(transfer.id)).data.map((r) => r.amount)).toEqual([500, 300])
  })

  it('will not reverse funds the connected account already paid out', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    const transfer = await stripe.transfers.create(claimTransfer(account.id, 800))
    await stripe.payouts.create({ amount: 800, currency: 'usd' }, { stripeAccount: account.id })
    expect(await stripeFailure(stripe.transfers.createReversal(transfer.id))).toMatchObject({ code: 'balance_insufficient' })
    expect(server.control.objects().reversals).toEqual([])
  })

  it('cancels a pending payout and refunds the connected balance', async () => {
    server.control.topUpPlatformBalance(1_000)
    const account = await createProviderAccount(stripe)
    await stripe.transfers.create(claimTransfer(account.id, 800))
    const payout = await stripe.payouts.create({ amount: 800, currency: 'usd' }, { stripeAccount: account.id })
    expect(await stripe.payouts.cancel(payout.id, {}, { stripeAccount: account.id })).toMatchObject({ status: 'canceled' })
    expect(await balances(account.id)).toEqual({ platform: 200, connected: 800 })
    expect(await stripeFailure(stripe.payouts.cancel(payout.id, {}, { stripeAccount: account.id }))).toMatchObject({ statusCode: 400 })
    expect(server.control.settlePayouts()).toEqual([])
  })
})
