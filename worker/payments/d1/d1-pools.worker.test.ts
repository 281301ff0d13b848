import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { EmailMessage } from '../../contracts'
import { identityDeps } from '../../identity'
import { testProvider } from '../../test/api-client'
import { adminCall, outboxFor } from '../../test/identity-helpers'
import { checkFundingShortage, claimsToRedrive, openShortage, waitingForFunds } from './d1-funding-shortage'
import { createPool, findPool, listPools, setPoolActive } from './d1-pools'
import { claimWaitingForFunds, SAMPLE_PAYOUT_CENTS } from './waiting-claim-fixture'

async function partner(): Promise<string> {
  const res = await adminCall('/admin/partners', { method: 'POST', json: { name: `Bank ${crypto.randomUUID().slice(0, 6)}` } })
  return ((await res.json()) as { id: string }).id
}

const episodes = async () =>
  (await env.DB.prepare("SELECT action, subject_id FROM audit_log WHERE subject_type = 'funding-shortage' ORDER BY id").all<{ action: string; subject_id: string }>()).results

describe('pools in D1', () => {
  it("narrows to one partner's pools and finds another partner's pool as missing", async () => {
    const [a, b] = [await partner(), await partner()]
    const at = new Date()
    const poolA = await createPool(env.DB, { partnerId: a, name: 'A', priority: 2, active: false }, 'ops@test', at)
    const poolB = await createPool(env.DB, { partnerId: b, name: 'B', priority: 1, active: false }, 'ops@test', at)
    if (!poolA.ok || !poolB.ok) throw new Error('pools not created')
    expect((await listPools(env.DB, { partnerId: a })).map((p) => p.id)).toEqual([poolA.pool.id])
    expect(await findPool(env.DB, poolB.pool.id, { partnerId: a })).toBeNull()
    expect(await findPool(env.DB, poolB.pool.id)).toMatchObject({ partnerId: b, partnerName: expect.stringMatching(/^Bank /) })
    expect(await createPool(env.DB, { partnerId: 'ptn_nobody', name: 'X', priority: 1, active: true }, 'ops@test', at)).toEqual({ ok: false, reason: 'unknown-partner' })
    expect(await setPoolActive(env.DB, 'pool_nobody', true, 'ops@test', at)).toEqual({ ok: false, reason: 'not-found' })
  })

  it('keeps cash past 2^53 cents exact', async () => {
    const created = await createPool(env.DB, { partnerId: await partner(), name: 'Big', priority: 9, active: false }, 'ops@test', new Date())
    if (!created.ok) throw new Error('not created')
    const id = created.pool.id
    // Literals in the SQL: a JS number cannot even hold the amount to bind it.
    const line = (n: number, account: string, side: 'debit' | 'credit') =>
      env.DB.prepare(
        `INSERT INTO ledger_entries (id, journal_id, provider_id, account, debit_cents, credit_cents, memo, at, pool_id, partner_id, journal_kind)
         VALUES (?, ?, '', ?, ${side === 'debit' ? '9007199254740993' : '0'}, ${side === 'credit' ? '9007199254740993' : '0'}, 'big', ?, ?, ?, 'pool-funding')`,
      ).bind(`led_big_${id}_${n}`, `jnl_big_${id}`, account, new Date().toISOString(), id, account === 'partner_capital' ? created.pool.partnerId : null)
    await env.DB.batch([line(0, 'funding_pool_cash', 'debit'), line(1, 'partner_capital', 'credit'), line(2, 'funding_pool_cash', 'debit'), line(3, 'partner_capital', 'credit')])
    expect((await findPool(env.DB, id))!.cashCents).toBe('18014398509481986')
  })
})

describe('funding shortage episodes', () => {
  it('alert admins once per episode, not per claim, and close when nothing waits', async () => {
    const { db, keyring } = await identityDeps(env)
    const inbox = `funding.${crypto.randomUUID().slice(0, 8)}@test.claimpay.dev`
    const sent: EmailMessage[] = []
    const alerts = { db, keyring, inbox, sendEmail: async (m: EmailMessage) => sent.push(m) }

    // Nothing waits: nothing to open or close.
    expect(await checkFundingShortage(env.DB, alerts, new Date())).toMatchObject({ opened: null, resolved: null })
    expect(await openShortage(env.DB)).toBeNull()

    const provider = testProvider()
    const first = await claimWaitingForFunds(provider)
    const opened = await checkFundingShortage(env.DB, alerts, new Date())
    expect(opened.opened).toMatch(/^shortage_/)
    expect(await openShortage(env.DB)).toMatchObject({ episodeId: opened.opened, claims: 1, neededCents: String(SAMPLE_PAYOUT_CENTS) })

    // More claims and more checks, some at once: still the one alert.
    await claimWaitingForFunds(provider)
    const again = await Promise.all([checkFundingShortage(env.DB, alerts, new Date()), checkFundingShortage(env.DB, alerts, new Date())])
    expect(again.map((c) => c.opened)).toEqual([null, null])
    expect(sent).toHaveLength(1)
    const mail = await outboxFor(inbox)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ template: 'funding-shortage' })
    expect(mail[0]!.body).toMatch(/no active funding pool/)
    expect(mail[0]!.body).not.toContain(first)
    expect(await waitingForFunds(env.DB)).toMatchObject({ claims: 2, amountCents: String(2 * SAMPLE_PAYOUT_CENTS), largestCents: String(SAMPLE_PAYOUT_CENTS) })
    expect(await claimsToRedrive(env.DB, BigInt(SAMPLE_PAYOUT_CENTS - 1), 10)).toEqual([])
    expect(await claimsToRedrive(env.DB, BigInt(SAMPLE_PAYOUT_CENTS), 1)).toEqual([{ id: first, providerId: provider, status: 'payout_pending' }])

    // Funds arrive and the claims are paid: the next check closes the episode, once.
    await env.DB.prepare("UPDATE payouts SET failure_code = NULL WHERE failure_code = 'no-pool-with-funds'").run()
    const closed = await Promise.all([checkFundingShortage(env.DB, alerts, new Date()), checkFundingShortage(env.DB, alerts, new Date())])
    expect(closed.map((c) => c.resolved).filter(Boolean)).toEqual([opened.opened])
    expect(await openShortage(env.DB)).toBeNull()

    // A new shortage is a new episode with its own alert.
    await claimWaitingForFunds(provider)
    const next = await checkFundingShortage(env.DB, alerts, new Date())
    expect(next.opened).toMatch(/^shortage_/)
    expect(next.opened).not.toBe(opened.opened)
    expect(sent).toHaveLength(2)
    expect(await episodes()).toEqual([
      { action: 'funding.shortage.alerted', subject_id: opened.opened },
      { action: 'funding.shortage.resolved', subject_id: opened.opened },
      { action: 'funding.shortage.alerted', subject_id: next.opened },
    ])
    // Rows written by the monitor's own INSERTs seal into the audit chain like any other.
    expect(await (await adminCall('/admin/audit/verify')).json()).toMatchObject({ ok: true })
  })

  it('alerts in the audit log alone when no inbox is set', async () => {
    const { db, keyring } = await identityDeps(env)
    const sent: EmailMessage[] = []
    // The episode from the test above is still open: this check writes nothing and sends nothing.
    expect(await checkFundingShortage(env.DB, { db, keyring, sendEmail: async (m) => sent.push(m) }, new Date())).toMatchObject({ opened: null })
    expect(sent).toEqual([])
  })
})
