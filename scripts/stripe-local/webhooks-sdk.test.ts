import Stripe from 'stripe'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signatureHeader } from './signature'
import { createProviderAccount, startWithReceiver, WEBHOOK_SECRET } from './test-support'

const { server, receiver, stripe } = await startWithReceiver({ seed: 'hooks', startTime: 1_800_000_000 })
afterAll(async () => {
  await server.close()
  await receiver.close()
})
beforeEach(() => {
  server.control.reset()
  server.control.setWebhookMode('manual')
  receiver.received.length = 0
})
afterEach(() => receiver.failNext(0))

const verifier = new Stripe('sk_test_unused', { httpClient: Stripe.createFetchHttpClient() })
const subtle = Stripe.createSubtleCryptoProvider()

/** A funded provider with one transfer and one pending payout of `amount`. */
async function pendingPayout(accountNumber?: string, amount = 1_500) {
  server.control.topUpPlatformBalance(10_000)
  const account = await createProviderAccount(stripe, accountNumber)
  await stripe.transfers.create({ amount, currency: 'usd', destination: account.id, transfer_group: 'clm_w', metadata: { claim_id: 'clm_w' } })
  const payout = await stripe.payouts.create(
    { amount, currency: 'usd', metadata: { claim_id: 'clm_w', provider_id: 'prov_1', step: 'payout' } },
    { stripeAccount: account.id },
  )
  return { account, payout }
}

describe('signed webhook deliveries', () => {
  it('delivers payout.paid, verified by constructEventAsync with the SubtleCrypto provider', async () => {
    const { account, payout } = await pendingPayout()
    server.control.settlePayouts()
    const results = await server.control.deliverWebhooks()
    expect(results.map((r) => [r.type, r.ok])).toEqual([
      ['transfer.created', true],
      ['payout.created', true],
      ['payout.paid', true],
    ])
    expect(receiver.received.every((r) => r.verifyError === null)).toBe(true)
    const paid = receiver.events().find((e) => e.type === 'payout.paid')!
    expect(paid).toMatchObject({ object: 'event', account: account.id, livemode: false, api_version: expect.any(String) })
    expect(paid.id).toMatch(/^evt_/)
    expect(paid.data.object).toMatchObject({ id: payout.id, status: 'paid', metadata: { claim_id: 'clm_w', step: 'payout' } })
    // Platform events carry no account.
    expect(receiver.events().find((e) => e.type === 'transfer.created')).not.toHaveProperty('account')
  })

  it("fails a payout to Stripe's failing test number with payout.failed, and returns the funds", async () => {
    const { account, payout } = await pendingPayout('000111111113')
    server.control.advanceClock(2 * 24 * 60 * 60)
    await server.control.deliverWebhooks()
    const failed = receiver.events().find((e) => e.type === 'payout.failed')!
    expect(failed.account).toBe(account.id)
    expect(failed.data.object).toMatchObject({ id: payout.id, status: 'failed', failure_code: 'account_closed', failure_message: expect.any(String) })
    expect((await stripe.balance.retrieve({}, { stripeAccount: account.id })).available[0]!.amount).toBe(1_500)
    expect(receiver.events().some((e) => e.type === 'payout.paid')).toBe(false)
  })

  it('fails the next payout on request with the given code', async () => {
    server.control.failNextPayout('no_account')
    const { payout } = await pendingPayout()
    expect(server.control.settlePayouts()).toMatchObject([{ id: payout.id, status: 'failed', failure_code: 'no_account' }])
  })

  it('sends payout.canceled and transfer.reversed', async () => {
    const { account, payout } = await pendingPayout()
    await stripe.payouts.cancel(payout.id, {}, { stripeAccount: account.id })
    const [transfer] = (await stripe.transfers.list({ transfer_group: 'clm_w' })).data
    await stripe.transfers.createReversal(transfer!.id, { amount: 500 })
    await server.control.deliverWebhooks()
    const types = receiver.events().map((e) => e.type)
    expect(types.slice(-2)).toEqual(['payout.canceled', 'transfer.reversed'])
    expect(receiver.events().at(-1)!.data.object).toMatchObject({ id: transfer!.id, amount_reversed: 500 })
  })

  it('rejects a tampered body and tampered signatures', async () => {
    await pendingPayout()
    await server.control.deliverWebhooks()
    const genuine = receiver.received[0]!
    const tampered = genuine.rawBody.replace('"amount": 1500', '"amount": 150000')
    expect(tampered).not.toBe(genuine.rawBody)
    await expect(verifier.webhooks.constructEventAsync(tampered, genuine.signature, WEBHOOK_SECRET, undefined, subtle)).rejects.toBeInstanceOf(
      Stripe.errors.StripeSignatureVerificationError,
    )

    server.control.tamperNextWebhook('bad-signature')
    server.control.tamperNextWebhook('stale-timestamp')
    receiver.received.length = 0
    server.control.settlePayouts() // payout.paid gets the bad signature
    await stripe.transfers.create({ amount: 1, currency: 'usd', destination: (await createProviderAccount(stripe)).id }) // transfer.created gets the stale one
    const results = await server.control.deliverWebhooks()
    expect(results.map((r) => r.status)).toEqual([400, 400])
    expect(receiver.received.map((r) => r.verifyError)).toEqual([
      expect.stringMatching(/No signatures found matching the expected signature/),
      expect.stringMatching(/Timestamp outside the tolerance zone/),
    ])
  })

  it('signs t=<unix>,v1=<hex HMAC-SHA256 of "t.body"> exactly as the SDK computes it', () => {
    const body = '{"id":"evt_1"}'
    expect(signatureHeader(body, WEBHOOK_SECRET, 1_700_000_000)).toBe(
      verifier.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp: 1_700_000_000 }),
    )
  })
})

describe('delivery faults', () => {
  it('retries a delivery the receiver refused until it is accepted', async () => {
    receiver.failNext(2, 503)
    await pendingPayout()
    expect((await server.control.deliverWebhooks()).map((r) => r.status)).toEqual([503, 503])
    expect((await server.control.deliverWebhooks()).map((r) => r.status)).toEqual([200, 200])
    const deliveries = server.control.webhookDeliveries()
    expect(deliveries.map((d) => [d.state, d.attempts.map((a) => a.status)])).toEqual([
      ['delivered', [503, 200]],
      ['delivered', [503, 200]],
    ])
    expect(await server.control.deliverWebhooks()).toEqual([])
  })

  it('retries on its own with backoff in automatic mode', async () => {
    server.control.setWebhookMode('auto')
    receiver.failNext(1)
    await pendingPayout()
    await waitFor(() => server.control.webhookDeliveries().every((d) => d.state === 'delivered'), 5_000)
    // The refused event comes again after its backoff, behind the one that followed it: receivers must not rely on order.
    expect(receiver.received.map((r) => r.event?.type)).toEqual(['transfer.created', 'payout.created', 'transfer.created'])
    expect(server.control.webhookDeliveries()[0]!.attempts.map((a) => a.status)).toEqual([500, 200])
  })

  it('delivers a duplicated event twice with the same event id', async () => {
    server.control.duplicateNextWebhook()
    await pendingPayout()
    await server.control.deliverWebhooks()
    const ids = receiver.events().map((e) => `${e.type}:${e.id}`)
    expect(ids).toHaveLength(3)
    expect(ids[0]).toBe(ids[1])
    expect(ids[0]).toMatch(/^transfer\.created:evt_/)
  })

  it('delivers pending events in a shuffled order that the seed fixes', async () => {
    server.control.topUpPlatformBalance(10_000)
    const account = await createProviderAccount(stripe)
    for (let i = 1; i <= 6; i++) await stripe.transfers.create({ amount: i, currency: 'usd', destination: account.id })
    const created = server.control.objects().events.map((e) => e.id)
    const order = (await server.control.deliverWebhooks({ shuffleSeed: 7 })).map((r) => r.eventId)
    expect([...order].sort()).toEqual([...created].sort())
    expect(order).not.toEqual(created)

    // Same seed, same events -> same order.
    server.control.reset()
    server.control.topUpPlatformBalance(10_000)
    const again = await createProviderAccount(stripe)
    for (let i = 1; i <= 6; i++) await stripe.transfers.create({ amount: i, currency: 'usd', destination: again.id })
    const created2 = server.control.objects().events.map((e) => e.id)
    const order2 = (await server.control.deliverWebhooks({ shuffleSeed: 7 })).map((r) => r.eventId)
    expect(order2.map((id) => created2.indexOf(id))).toEqual(order.map((id) => created.indexOf(id)))
  })
})

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}
