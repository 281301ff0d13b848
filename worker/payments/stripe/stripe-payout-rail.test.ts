import Stripe from 'stripe'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startStripeLocal } from '../../../scripts/stripe-local'
import { createConnectedAccount } from './connected-account'
import type { OnboardingInput } from './connected-account'
import { StripeIdempotencyMisuse } from './stripe-failure'
import { StripePayoutRail } from './stripe-payout-rail'

const server = await startStripeLocal({ port: 0, seed: 'rail', startTime: 1_800_000_000 })
afterAll(() => server.close())
beforeEach(() => server.control.reset())

const stripe = new Stripe('sk_test_rail', {
  httpClient: Stripe.createFetchHttpClient(),
  host: server.host,
  port: server.port,
  protocol: 'http',
  maxNetworkRetries: 0,
})
const serverNow = () => new Date(server.control.now() * 1000)

const onboarding: OnboardingInput = {
  providerId: 'prv_1',
  legalName: 'Riverside Family Practice',
  email: 'billing@riverside.example',
  routingNumber: '110000000',
  accountNumber: '000123456789',
  tosAcceptedAt: new Date('2026-11-01T00:00:00Z'),
  tosAcceptedIp: '203.0.113.7',
}

async function onboard(accountNumber = '000123456789'): Promise<string> {
  const r = await createConnectedAccount(stripe, { ...onboarding, accountNumber })
  if (!r.ok) throw new Error(`onboarding failed: ${r.reason}`)
  return r.accountId
}

async function railFor(accountNumber?: string) {
  const accountId = await onboard(accountNumber)
  const rail = new StripePayoutRail({ stripe, accountFor: async (id) => (id === 'prv_1' ? accountId : null), now: serverNow })
  return { rail, accountId }
}

const request = { idempotencyKey: 'payout:clm_1', amountCents: 9_500, providerId: 'prv_1', claimId: 'clm_1' }

describe('createConnectedAccount', () => {
  it('creates a custom account with the bank account, keeping only the last four digits', async () => {
    const r = await createConnectedAccount(stripe, onboarding, { idempotencyKey: 'onboard:prv_1:1' })
    expect(r).toMatchObject({ ok: true, accountId: expect.stringMatching(/^acct_/), bankLast4: '6789', payoutsEnabled: true })
    const [account] = server.control.objects().accounts
    expect(account).toMatchObject({ type: 'custom', capabilities: { transfers: 'active' }, metadata: { provider_id: 'prv_1' } })
    expect(account!.external_accounts.data[0]).toMatchObject({ routing_number: '110000000', last4: '6789' })
    // The same key replays: one account however often onboarding is retried.
    await createConnectedAccount(stripe, onboarding, { idempotencyKey: 'onboard:prv_1:1' })
    expect(server.control.objects().accounts).toHaveLength(1)
  })

  it('refuses a bad routing number before calling Stripe', async () => {
    const r = await createConnectedAccount(stripe, { ...onboarding, routingNumber: '110000001' })
    expect(r).toEqual({ ok: false, reason: 'routing-number-invalid', problem: 'checksum-mismatch', message: 'Routing number is invalid: its check digit does not match.' })
    expect(server.control.objects().accounts).toEqual([])
  })

  it('refuses malformed input without repeating the account number', async () => {
    const r = await createConnectedAccount(stripe, { ...onboarding, accountNumber: '12x4567', email: 'nope' })
    expect(r).toMatchObject({ ok: false, reason: 'invalid-input' })
    if (!r.ok && r.reason === 'invalid-input') {
      expect(r.problems).toEqual(['email: Invalid email address', 'accountNumber: account number must be 4 to 17 digits'])
      expect(JSON.stringify(r)).not.toContain('12x4567')
    }
    expect(server.control.objects().accounts).toEqual([])
  })
})

describe('StripePayoutRail.send', () => {
  it('transfers to the connected account and pays out to its bank', async () => {
    const { rail, accountId } = await railFor()
    server.control.topUpPlatformBalance(20_000)
    const sent = await rail.send(request)
    expect(sent).toMatchObject({ ok: true, transferId: expect.stringMatching(/^tr_/), payoutId: expect.stringMatching(/^po_/), accountId, lookedUp: false })
    const { transfers, payouts, balances } = server.control.objects()
    expect(transfers).toEqual([
      expect.objectContaining({
        amount: 9_500,
        destination: accountId,
        transfer_group: 'clm_1',
        metadata: { claim_id: 'clm_1', provider_id: 'prv_1', step: 'transfer', payout_key: 'payout:clm_1' },
      }),
    ])
    expect(payouts).toEqual([
      expect.objectContaining({ amount: 9_500, method: 'standard', status: 'pending', metadata: expect.objectContaining({ step: 'payout', claim_id: 'clm_1' }) }),
    ])
    expect(balances).toEqual({ platform: 10_500, accounts: { [accountId]: 0 } })
    expect(rail.name).toBe('stripe')
  })

  it('retried after responses were lost, makes one transfer and one payout', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(20_000)
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/transfers', mode: 'error-after-success' })
    expect(await rail.send(request)).toMatchObject({ ok: false, reason: 'stripe-api-error', retryable: true })
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/payouts', mode: 'error-after-success' })
    expect(await rail.send(request)).toMatchObject({ ok: false, reason: 'stripe-api-error', retryable: true, transferId: expect.stringMatching(/^tr_/) })
    const third = await rail.send(request)
    const fourth = await rail.send(request)
    const { transfers, payouts } = server.control.objects()
    expect(transfers).toHaveLength(1)
    expect(payouts).toHaveLength(1)
    expect(third).toMatchObject({ ok: true, transferId: transfers[0]!.id, payoutId: payouts[0]!.id })
    expect(fourth).toEqual(third)
  })

  it('after the key window, finds the earlier transfer and payout instead of paying again', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(40_000)
    const keyStoredAt = serverNow()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/payouts', mode: 'drop-after-success' })
    expect(await rail.send({ ...request, keyStoredAt })).toMatchObject({ ok: false, reason: 'stripe-unreachable', retryable: true })
    server.control.advanceClock(25 * 60 * 60)

    const retried = await rail.send({ ...request, keyStoredAt })
    const { transfers, payouts } = server.control.objects()
    expect(transfers).toHaveLength(1)
    expect(payouts).toHaveLength(1)
    expect(retried).toMatchObject({ ok: true, lookedUp: true, transferId: transfers[0]!.id, payoutId: payouts[0]!.id })
  })

  it('after the key window, without the stored time, would pay twice (why the lookup exists)', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(40_000)
    await rail.send(request)
    server.control.advanceClock(25 * 60 * 60)
    await rail.send(request)
    expect(server.control.objects().transfers).toHaveLength(2)
  })

  it('creates what is missing after the window: the transfer found, the payout made once', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(40_000)
    const keyStoredAt = serverNow()
    server.control.injectFault({ method: 'POST', pathPrefix: '/v1/payouts', mode: 'error' })
    expect(await rail.send({ ...request, keyStoredAt })).toMatchObject({ ok: false, retryable: true })
    server.control.advanceClock(25 * 60 * 60)
    expect(await rail.send({ ...request, keyStoredAt })).toMatchObject({ ok: true, lookedUp: true })
    expect(await rail.send({ ...request, keyStoredAt })).toMatchObject({ ok: true, lookedUp: true })
    expect(server.control.objects().transfers).toHaveLength(1)
    expect(server.control.objects().payouts).toHaveLength(1)
  })

  it('returns balance_insufficient as a value, and nothing was made', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(9_499)
    const r = await rail.send(request)
    expect(r).toEqual({ ok: false, reason: 'balance-insufficient', retryable: false, stripeCode: 'balance_insufficient', requestId: expect.stringMatching(/^req_/) })
    expect(server.control.objects().transfers).toEqual([])
  })

  it('refuses without calling Stripe: no account, bad amount, no key', async () => {
    const rail = new StripePayoutRail({ stripe, accountFor: async () => null })
    expect(await rail.send(request)).toEqual({ ok: false, reason: 'provider-not-onboarded', retryable: false })
    const { rail: onboarded } = await railFor()
    expect(await onboarded.send({ ...request, amountCents: 0 })).toMatchObject({ ok: false, reason: 'invalid-amount' })
    expect(await onboarded.send({ ...request, idempotencyKey: ' ' })).toMatchObject({ ok: false, reason: 'missing-idempotency-key' })
    expect(server.control.objects().transfers).toEqual([])
  })

  it('maps a connected account Stripe does not know to a value', async () => {
    server.control.topUpPlatformBalance(20_000)
    const rail = new StripePayoutRail({ stripe, accountFor: async () => 'acct_missing' })
    expect(await rail.send(request)).toMatchObject({ ok: false, reason: 'connected-account-missing', retryable: false })
  })

  it('treats a key reused for another amount as a programming error', async () => {
    const { rail } = await railFor()
    server.control.topUpPlatformBalance(40_000)
    await rail.send(request)
    await expect(rail.send({ ...request, amountCents: 9_400 })).rejects.toBeInstanceOf(StripeIdempotencyMisuse)
  })
})
