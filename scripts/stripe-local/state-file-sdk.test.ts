import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { IDEMPOTENCY_KEY_TTL_SECONDS } from './idempotency'
import { startStripeLocal } from './server'
import type { StripeLocalOptions } from './options'
import { GOOD_ACCOUNT_NUMBER, WEBHOOK_SECRET, createProviderAccount, responseHeader, sdkFor, startReceiver } from './test-support'

const START = 1_800_000_000
const TWO_DAYS = 2 * 24 * 60 * 60
const CLOSED_ACCOUNT_NUMBER = '000111111113'

const dir = mkdtempSync(join(tmpdir(), 'stripe-local-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

const stateOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { platformAvailable: number; accounts: unknown[] }
/** The random part of an id: a seeded sequence that restarted would repeat it under another prefix too. */
const tail = (id: string) => id.slice(id.indexOf('_') + 1)

const claimTransfer = (destination: string, amount: number) => ({
  amount,
  currency: 'usd',
  destination,
  transfer_group: 'clm_1',
  metadata: { claim_id: 'clm_1', provider_id: 'prov_1', step: 'transfer' },
})

describe('a state file', () => {
  it('keeps accounts, money, payouts, idempotency keys, ids and the clock across a restart', async () => {
    const path = join(dir, 'restart.json')
    // The same seed both times: only the restored id counter keeps the second run from repeating ids.
    const options: StripeLocalOptions = { stateFile: path, seed: 'restart', startTime: START, platformBalance: 100_000 }

    const first = await startStripeLocal(options)
    const stripe1 = sdkFor(first)
    const account = await createProviderAccount(stripe1)
    // Written after the request, not only at close.
    expect(stateOf(path).accounts).toHaveLength(1)
    const closing = await createProviderAccount(stripe1, CLOSED_ACCOUNT_NUMBER)
    const transfer = await stripe1.transfers.create(claimTransfer(account.id, 9_500), { idempotencyKey: 'clm_1:transfer' })
    await stripe1.transfers.create(claimTransfer(closing.id, 500))
    const payout = await stripe1.payouts.create({ amount: 4_000, currency: 'usd' }, { stripeAccount: account.id })
    // Control over HTTP is written too.
    await fetch(`${first.url}/__control/balance/top-up`, { method: 'POST', body: JSON.stringify({ amount: 1_000 }) })
    expect(stateOf(path).platformAvailable).toBe(100_000 - 10_000 + 1_000)
    first.control.advanceClock(3_600)
    const before = first.control.objects()
    const oldIds = [
      ...before.accounts.flatMap((a) => [a.id, ...a.external_accounts.data.map((b) => b.id)]),
      ...before.transfers.flatMap((t) => [t.id, t.balance_transaction, t.destination_payment]),
      ...before.payouts.flatMap((p) => [p.id, p.balance_transaction]),
      ...before.events.map((e) => e.id),
      ...[account, closing, transfer, payout].map((o) => o.lastResponse.requestId),
    ]
    await first.close()

    const text = readFileSync(path, 'utf8')
    expect(JSON.parse(text)).toMatchObject({ format: 'stripe-local-state', version: 1, clock: { offsetSeconds: 3_600 } })
    for (const secret of [GOOD_ACCOUNT_NUMBER, CLOSED_ACCOUNT_NUMBER, 'sk_test_local']) expect(text).not.toContain(secret)
    expect(existsSync(`${path}.tmp`)).toBe(false)

    const second = await startStripeLocal(options)
    const stripe2 = sdkFor(second)
    try {
      const after = second.control.objects()
      expect(after.now).toBe(START + 3_600)
      expect(after.balances).toEqual(before.balances)
      expect(after.accounts).toEqual(before.accounts)
      expect(after.transfers).toEqual(before.transfers)
      expect(after.payouts).toEqual(before.payouts)
      expect(after.idempotencyKeys).toBe(before.idempotencyKeys)
      expect(await stripe2.accounts.retrieve(account.id)).toMatchObject({ id: account.id, external_accounts: { data: [{ last4: '6789' }] } })
      expect((await stripe2.balance.retrieve({}, { stripeAccount: account.id })).available[0]!.amount).toBe(5_500)
      expect(await stripe2.payouts.retrieve(payout.id, {}, { stripeAccount: account.id })).toMatchObject({ status: 'pending' })

      const replay = await stripe2.transfers.create(claimTransfer(account.id, 9_500), { idempotencyKey: 'clm_1:transfer' })
      expect(replay.id).toBe(transfer.id)
      expect(responseHeader(replay, 'Idempotent-Replayed')).toBe('true')
      expect(responseHeader(replay, 'Original-Request')).toBe(transfer.lastResponse.requestId)
      expect(second.control.objects().transfers).toHaveLength(2)

      const newAccount = await createProviderAccount(stripe2)
      const newTransfer = await stripe2.transfers.create(claimTransfer(newAccount.id, 100))
      const newIds = [newAccount.id, newAccount.external_accounts!.data[0]!.id, newTransfer.id, newTransfer.balance_transaction as string]
      newIds.push(newAccount.lastResponse.requestId, newTransfer.lastResponse.requestId, replay.lastResponse.requestId)
      const oldTails = new Set(oldIds.map(tail))
      expect(newIds.filter((id) => oldTails.has(tail(id)))).toEqual([])

      // The key keeps its first-use time: it expires 24 hours after its use before the restart.
      second.control.advanceClock(IDEMPOTENCY_KEY_TTL_SECONDS - 3_600 - 1)
      expect((await stripe2.transfers.create(claimTransfer(account.id, 9_500), { idempotencyKey: 'clm_1:transfer' })).id).toBe(transfer.id)
      second.control.advanceClock(1)
      expect((await stripe2.transfers.create(claimTransfer(account.id, 9_500), { idempotencyKey: 'clm_1:transfer' })).id).not.toBe(transfer.id)

      // The failing test number decided at creation, before the restart, still fails the payout after it.
      const failing = await stripe2.payouts.create({ amount: 500, currency: 'usd' }, { stripeAccount: closing.id })
      const { settled } = second.control.advanceClock(TWO_DAYS)
      expect(settled.map((p) => [p.id, p.status, p.failure_code])).toEqual([
        [payout.id, 'paid', null],
        [failing.id, 'failed', 'account_closed'],
      ])
    } finally {
      await second.close()
    }
  })

  it('keeps webhook deliveries not yet made, and makes them after the restart', async () => {
    const receiver = await startReceiver()
    const path = join(dir, 'webhooks.json')
    const options: StripeLocalOptions = {
      stateFile: path,
      startTime: START,
      platformBalance: 10_000,
      webhookUrl: receiver.url,
      webhookSecret: WEBHOOK_SECRET,
      webhookMode: 'manual',
    }
    try {
      const first = await startStripeLocal(options)
      const stripe1 = sdkFor(first)
      const account = await createProviderAccount(stripe1)
      await stripe1.transfers.create(claimTransfer(account.id, 1_000))
      await first.control.deliverWebhooks()
      const held = await stripe1.transfers.create(claimTransfer(account.id, 2_000))
      const [pending] = first.control.webhookDeliveries().filter((d) => d.state === 'pending')
      await first.close()
      expect(receiver.events().map((e) => e.type)).toEqual(['transfer.created'])

      const second = await startStripeLocal(options)
      try {
        expect(second.control.webhookDeliveries()).toEqual([pending])
        expect(second.control.objects().events.map((e) => e.id)).toEqual([pending!.eventId])
        expect(await second.control.deliverWebhooks()).toEqual([{ id: pending!.id, eventId: pending!.eventId, type: 'transfer.created', ok: true, status: 200 }])
        const delivered = receiver.events()[1]!
        expect(delivered).toMatchObject({ id: pending!.eventId, type: 'transfer.created', data: { object: { id: held.id } } })
        // Delivered: no longer kept.
        expect(stateOf(path).webhookDeliveries).toEqual([])
      } finally {
        await second.close()
      }
    } finally {
      await receiver.close()
    }
  })

  it.each([
    ['not JSON', '{"format":"stripe-local-state","vers'],
    ['from another format version', JSON.stringify({ format: 'stripe-local-state', version: 99 })],
    ['not a state file', JSON.stringify({ hello: 'world' })],
    ['wrongly shaped', JSON.stringify({ format: 'stripe-local-state', version: 1, accounts: 'many' })],
  ])('that is %s is set aside with one line, and the server starts empty', async (_what, content) => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {})
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`)
    writeFileSync(path, content)
    const server = await startStripeLocal({ stateFile: path, platformBalance: 7_000 })
    try {
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toContain(`kept as ${path}.corrupt`)
      expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe(content)
      const objects = server.control.objects()
      expect(objects.accounts).toEqual([])
      expect(objects.balances.platform).toBe(7_000)
      // A fresh file replaces it, and the server works.
      const account = await createProviderAccount(sdkFor(server))
      expect(stateOf(path)).toMatchObject({ version: 1, accounts: [{ account: { id: account.id } }] })
    } finally {
      await server.close()
    }
  })
})
