import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createD1ClaimStore } from '../claims'
import { ClaimWithTimeline } from '../contracts'
import { newId } from '../ids'
import { api, eventually, sampleClaim, testProvider } from '../test/api-client'
import { deliverPay, deliverWebhook, stripeApi, stripeControl, stripeObjects } from '../test/stripe-env'

// The pay step with the Stripe rail against the local Stripe endpoint. Claims are put in `approved`
// directly (the stages before pay run with the shared bindings, whose rail is the sandbox), then the
// claims-pay consumer is called with the Stripe bindings, as the runtime would call it.

async function rows(sql: string, ...params: unknown[]) {
  return (await env.DB.prepare(sql).bind(...params).all()).results
}

async function approvedClaim(provider: string): Promise<string> {
  const store = createD1ClaimStore(env.DB)
  const id = newId('clm')
  const at = new Date().toISOString()
  await api('/claims?limit=1', provider) // the practice and its member exist from here on
  await store.insertClaims(provider, [{ id, input: sampleClaim() }], at)
  const claim = await store.findClaim(provider, id)
  const moved = await store.commit(claim!, [{ to: 'parsed', step: 'parse' }, { to: 'coded', step: 'code' }, { to: 'scored', step: 'score' }, { to: 'approved', step: 'score' }], { score: 95 }, {}, at)
  expect(moved.ok).toBe(true)
  return id
}

async function onboard(provider: string, accountNumber: string) {
  const res = await stripeApi('/payout-account', provider, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ legalName: 'Harbor Pediatrics LLC', routingNumber: '110000000', accountNumber, accountHolderType: 'company' }),
  })
  expect(res.status).toBe(201)
}

async function claimOf(provider: string, id: string) {
  return ClaimWithTimeline.parse(await (await api(`/claims/${id}`, provider)).json())
}

describe('the pay step on the Stripe rail', () => {
  it('makes one transfer and one payout even when the pay message arrives three times', async () => {
    const provider = testProvider()
    await onboard(provider, '000123456789')
    const id = await approvedClaim(provider)

    // Two deliveries at once (one with the message twice), then a late one: a delivery that loses the
    // race to commit payout_pending is retried by the queue, and the late one finds the claim paid.
    await Promise.all([deliverPay(id, provider, 2), deliverPay(id, provider)])
    const late = await deliverPay(id, provider)
    expect(late.retryMessages).toEqual([])
    expect(late.explicitAcks).toHaveLength(1)

    const objects = await stripeObjects()
    const transfers = objects.transfers.filter((t) => t.transfer_group === id)
    expect(transfers).toHaveLength(1)
    const payouts = objects.payouts.filter((p) => p.metadata?.claim_id === id)
    expect(payouts).toHaveLength(1)
    expect(transfers[0]!.amount).toBe(Math.floor((15_350 * 9_500) / 10_000))

    const [row] = await rows('SELECT status, rail, rail_status, transfer_id, stripe_payout_id, stripe_account_id, key_stored_at FROM payouts WHERE claim_id = ?', id)
    expect(row).toMatchObject({ status: 'sent', rail: 'stripe', rail_status: 'sent', transfer_id: transfers[0]!.id, stripe_payout_id: payouts[0]!.id })
    expect(row!.key_stored_at).toBeTruthy()
    const claim = await eventually(async () => {
      const c = await claimOf(provider, id)
      return ['paid', 'submitted'].includes(c.status) ? c : null
    }, 'the claim to be paid')
    expect(claim.events.filter((e) => e.toStatus === 'paid')).toHaveLength(1)
    expect(await rows('SELECT COUNT(DISTINCT journal_id) AS n FROM ledger_entries WHERE claim_id = ?', id)).toEqual([{ n: 1 }])

    // The bank confirms: the payout row says so; the claim has moved on without it.
    await stripeControl('/payouts/settle', { ids: [payouts[0]!.id] })
    const paid = (await stripeObjects()).events.find((e) => e.type === 'payout.paid' && (e.data.object as { id: string }).id === payouts[0]!.id)
    expect((await deliverWebhook(paid)).status).toBe(200)
    expect(await rows('SELECT rail_status FROM payouts WHERE claim_id = ?', id)).toEqual([{ rail_status: 'paid' }])
    expect(await rows("SELECT actor FROM audit_log WHERE subject_id = ? AND action = 'payout.paid'", id)).toEqual([{ actor: 'stripe' }])
  })

  it('parks the claim in payout_pending with the reason when the provider has no payout account, without retrying', async () => {
    const provider = testProvider()
    const id = await approvedClaim(provider)

    const result = await deliverPay(id, provider)
    expect(result.retryMessages).toEqual([])
    expect(result.explicitAcks).toHaveLength(1)
    expect((await claimOf(provider, id)).status).toBe('payout_pending')
    const [row] = await rows('SELECT status, rail_status, failure_code, failure_message FROM payouts WHERE claim_id = ?', id)
    expect(row).toMatchObject({ status: 'requested', rail_status: 'requested', failure_code: 'provider-not-onboarded' })
    expect(String(row!.failure_message)).toMatch(/bank account/)
    expect(await rows('SELECT kind FROM notifications WHERE claim_id = ?', id)).toEqual([{ kind: 'claim.payout_waiting' }])

    // The cron's re-drive later: still nothing to pay with, nothing new recorded, still no retry.
    const again = await deliverPay(id, provider)
    expect(again.retryMessages).toEqual([])
    expect(await rows("SELECT action FROM audit_log WHERE subject_id = ? AND action = 'payout.waiting'", id)).toHaveLength(1)
    expect((await stripeObjects()).transfers.filter((t) => t.transfer_group === id)).toEqual([])
  })

  it('moves the claim to payout_failed with the reason when Stripe refuses the payout for good', async () => {
    const provider = testProvider()
    const id = await approvedClaim(provider)
    // An account Stripe does not know (closed on Stripe's side after onboarding, say).
    await env.DB.prepare('INSERT INTO stripe_accounts (provider_id, account_id, bank_last4, payouts_enabled, created_at) VALUES (?, ?, ?, 1, ?)')
      .bind(provider, `acct_gone${crypto.randomUUID().slice(0, 8)}`, '6789', new Date().toISOString())
      .run()

    const result = await deliverPay(id, provider)
    expect(result.retryMessages).toEqual([])
    const claim = await claimOf(provider, id)
    expect(claim.status).toBe('payout_failed')
    expect(claim.events.at(-1)?.detail).toMatchObject({ reason: 'connected-account-missing' })
    expect(await rows('SELECT status, rail_status, failure_code FROM payouts WHERE claim_id = ?', id)).toEqual([{ status: 'requested', rail_status: 'failed', failure_code: 'connected-account-missing' }])
    expect(await rows("SELECT actor FROM audit_log WHERE subject_id = ? AND action = 'payout.failed'", id)).toEqual([{ actor: 'pipeline' }])
    expect(await rows('SELECT id FROM ledger_entries WHERE claim_id = ?', id)).toEqual([])
    // A later delivery (the cron) finds nothing to do: payout_failed waits for a person.
    expect((await deliverPay(id, provider)).retryMessages).toEqual([])
    expect((await claimOf(provider, id)).status).toBe('payout_failed')
  })

  it('moves the claim to payout_failed with the reason when the bank returns the payout, however often the webhook comes', async () => {
    const provider = testProvider()
    await onboard(provider, '000111111116')
    const id = await approvedClaim(provider)
    await deliverPay(id, provider)
    const [sent] = await rows('SELECT stripe_payout_id FROM payouts WHERE claim_id = ?', id)
    const payoutId = String(sent!.stripe_payout_id)

    await stripeControl('/payouts/settle', { ids: [payoutId] })
    const events = (await stripeObjects()).events.filter((e) => (e.data.object as { id?: string }).id === payoutId)
    const failed = events.find((e) => e.type === 'payout.failed')
    expect(failed).toBeDefined()
    const created = events.find((e) => e.type === 'payout.created')

    // Out of order and twice: the failure first, then the older payout.created, then the failure again.
    for (const event of [failed, created, failed]) {
      const res = await deliverWebhook(event)
      expect(res.status).toBe(200)
    }

    // An older payout.paid arriving after the failure (a new event id) is superseded: nothing moves back.
    const stalePaid = { ...failed!, id: `evt_stale${crypto.randomUUID().slice(0, 8)}`, type: 'payout.paid', created: failed!.created - 60, data: { object: { ...(failed!.data.object as object), status: 'paid' } } }
    expect((await deliverWebhook(stalePaid)).status).toBe(200)

    const claim = await claimOf(provider, id)
    expect(claim.status).toBe('payout_failed')
    const failure = claim.events.find((e) => e.toStatus === 'payout_failed')
    expect(failure?.detail).toMatchObject({ reason: 'no_account' })
    expect(String((failure?.detail as { message: string }).message)).toMatch(/no account/i)
    const [row] = await rows('SELECT rail_status, failure_code FROM payouts WHERE claim_id = ?', id)
    expect(row).toEqual({ rail_status: 'failed', failure_code: 'no_account' })
    expect(await rows("SELECT actor FROM audit_log WHERE subject_id = ? AND action = 'payout.failed'", id)).toEqual([{ actor: 'stripe' }])
    expect(await rows('SELECT applied FROM stripe_events WHERE id = ?', failed!.id)).toEqual([{ applied: 1 }])
    expect(await rows('SELECT kind FROM notifications WHERE claim_id = ? AND kind = ?', id, 'claim.payout_failed')).toHaveLength(1)
  })
})
