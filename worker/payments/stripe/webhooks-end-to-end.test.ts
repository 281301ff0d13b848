import Stripe from 'stripe'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { signatureHeader, startStripeLocal } from '../../../scripts/stripe-local'
import { applyStripeEvent } from './apply-stripe-event'
import { createConnectedAccount } from './connected-account'
import { sentPayoutState } from './payout-state'
import type { PayoutRailState } from './payout-state'
import { claimIdOfEvent } from './stripe-event'
import { StripePayoutRail } from './stripe-payout-rail'
import { startWebhookReceiver } from './test-webhook-receiver'
import { verifyStripeWebhook } from './verify-webhook'

const SECRET = 'whsec_test_rail_hooks'
const receiver = await startWebhookReceiver(SECRET)
const server = await startStripeLocal({ port: 0, seed: 'rail-hooks', startTime: 1_800_000_000, webhookUrl: receiver.url, webhookSecret: SECRET, webhookMode: 'manual' })
afterAll(async () => {
  await server.close()
  await receiver.close()
})
beforeEach(() => {
  server.control.reset()
  server.control.setWebhookMode('manual')
  receiver.results.length = 0
})

const stripe = new Stripe('sk_test_rail', { httpClient: Stripe.createFetchHttpClient(), host: server.host, port: server.port, protocol: 'http', maxNetworkRetries: 0 })

/** Onboards one provider per account number and sends one payout each; returns the sent states by claim. */
async function sendPayouts(accountNumbers: string[]): Promise<Map<string, PayoutRailState>> {
  server.control.topUpPlatformBalance(1_000_000)
  const accounts = new Map<string, string>()
  const states = new Map<string, PayoutRailState>()
  for (const [i, accountNumber] of accountNumbers.entries()) {
    const providerId = `prv_${i}`
    const onboarded = await createConnectedAccount(stripe, {
      providerId,
      legalName: `Practice ${i}`,
      email: `billing${i}@practice.example`,
      routingNumber: '110000000',
      accountNumber,
      tosAcceptedAt: new Date('2026-11-01T00:00:00Z'),
      tosAcceptedIp: '203.0.113.7',
    })
    if (!onboarded.ok) throw new Error(onboarded.reason)
    accounts.set(providerId, onboarded.accountId)
  }
  const rail = new StripePayoutRail({ stripe, accountFor: async (id) => accounts.get(id) ?? null })
  for (const i of accountNumbers.keys()) {
    const claimId = `clm_${i}`
    const amountCents = 1_000 + i
    const sent = await rail.send({ idempotencyKey: `payout:${claimId}`, amountCents, providerId: `prv_${i}`, claimId })
    if (!sent.ok) throw new Error(sent.reason)
    states.set(claimId, sentPayoutState({ claimId, accountId: sent.accountId, transferId: sent.transferId, payoutId: sent.payoutId, amountCents }))
  }
  return states
}

/** What the webhook route will do: take each verified delivery, find its claim, apply the event. */
function applyDeliveries(states: Map<string, PayoutRailState>): Map<string, PayoutRailState> {
  const out = new Map(states)
  for (const result of receiver.results) {
    if (!result.ok) continue
    const claimId = claimIdOfEvent(result.event)
    const current = claimId ? out.get(claimId) : undefined
    if (current) out.set(claimId!, applyStripeEvent(current, result.event).state)
  }
  return out
}

describe('payout webhooks through the rail', () => {
  it('a payout to a closed account fails, and the signed payout.failed gives the reason', async () => {
    const states = await sendPayouts(['000111111113'])
    server.control.advanceClock(2 * 24 * 60 * 60)
    await server.control.deliverWebhooks()
    expect(receiver.results.every((r) => r.ok)).toBe(true)
    const final = applyDeliveries(states).get('clm_0')!
    expect(final).toMatchObject({ status: 'failed', failure: { code: 'account_closed', message: expect.any(String) } })
  })

  it('refuses tampered and stale deliveries, which change nothing; genuine ones of the same events apply', async () => {
    const states = await sendPayouts(['000123456789', '000123456780'])
    await server.control.deliverWebhooks()
    receiver.results.length = 0
    server.control.tamperNextWebhook('bad-signature')
    server.control.tamperNextWebhook('stale-timestamp')
    server.control.settlePayouts() // two payout.paid events: the first signed with another secret, the second an hour ago
    await server.control.deliverWebhooks()
    expect(receiver.results).toEqual([
      { ok: false, reason: 'bad-signature' },
      { ok: false, reason: 'stale-timestamp' },
    ])
    expect([...applyDeliveries(states).values()].map((s) => s.status)).toEqual(['pending', 'pending'])
    // The same events, correctly signed (as Stripe's next attempt would be), are applied.
    for (const event of server.control.objects().events.filter((e) => e.type === 'payout.paid')) {
      const body = JSON.stringify(event, null, 2)
      receiver.results.push(await verifyStripeWebhook(body, signatureHeader(body, SECRET, Math.floor(Date.now() / 1000)), SECRET))
    }
    expect([...applyDeliveries(states).values()].map((s) => s.status)).toEqual(['paid', 'paid'])
  })

  it('duplicated and shuffled deliveries give the same final states as in-order delivery', async () => {
    const run = async (shuffleSeed: number | null) => {
      server.control.reset()
      server.control.setWebhookMode('manual')
      receiver.results.length = 0
      // Two pay, one fails at the bank, one is canceled and its transfer reversed.
      const states = await sendPayouts(['000123456789', '000111111116', '000123456780', '000123456781'])
      const canceled = states.get('clm_3')!
      await stripe.payouts.cancel(canceled.payoutId, {}, { stripeAccount: canceled.accountId })
      await stripe.transfers.createReversal(canceled.transferId, { amount: 500 })
      await stripe.transfers.createReversal(canceled.transferId)
      server.control.settlePayouts()
      if (shuffleSeed !== null) server.control.duplicateNextWebhook(100)
      await server.control.deliverWebhooks(shuffleSeed === null ? {} : { shuffleSeed })
      return applyDeliveries(states)
    }
    const inOrder = await run(null)
    expect([...inOrder.values()].map((s) => [s.claimId, s.status, s.failure?.code ?? null, s.transferReversedCents])).toEqual([
      ['clm_0', 'paid', null, 0],
      ['clm_1', 'failed', 'no_account', 0],
      ['clm_2', 'paid', null, 0],
      ['clm_3', 'canceled', null, 1_003],
    ])
    for (const seed of [1, 7, 99]) {
      const shuffled = await run(seed)
      expect(receiver.results.filter((r) => r.ok).length).toBeGreaterThan(inOrder.size * 2)
      expect(shuffled).toEqual(inOrder)
    }
  })
})
