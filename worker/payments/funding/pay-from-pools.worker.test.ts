import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createD1ClaimStore } from '../../claims'
import { newId } from '../../ids'
import { PayoutBlocked, payStep } from '../../pipeline'
import type { PipelineDeps } from '../../pipeline'
import { pipelineDeps } from '../../platform/pipeline-deps'
import { api, sampleClaim, testProvider } from '../../test/api-client'
import { createD1PoolSource } from '../d1/d1-pool-source'
import type { PayoutRequest } from '../payout-rail'

// The pay step drawing on funding pools kept in D1: no pool with funds parks the claim before any
// money moves; a funded pool pays and its cash goes down by the payout.

async function rows(sql: string, ...params: unknown[]) {
  return (await env.DB.prepare(sql).bind(...params).all()).results
}

async function approvedClaim(provider: string) {
  const store = createD1ClaimStore(env.DB)
  const id = newId('clm')
  const at = new Date().toISOString()
  await api('/claims?limit=1', provider)
  await store.insertClaims(provider, [{ id, input: sampleClaim() }], at)
  const moved = await store.commit((await store.findClaim(provider, id))!, [{ to: 'parsed', step: 'parse' }, { to: 'coded', step: 'code' }, { to: 'scored', step: 'score' }, { to: 'approved', step: 'score' }], { score: 95 }, {}, at)
  expect(moved.ok).toBe(true)
  return id
}

function deps() {
  const sent: PayoutRequest[] = []
  const rail = { name: 'sandbox', send: async (r: PayoutRequest) => (sent.push(r), { ok: true as const, transferId: `tr_${r.claimId}` }) }
  const d: PipelineDeps = { ...pipelineDeps(env), rail, pools: createD1PoolSource(env.DB) }
  return { d, sent }
}

async function fund(poolId: string, cents: number) {
  const journalId = newId('jnl')
  const at = new Date().toISOString()
  const insert = "INSERT INTO ledger_entries (id, journal_id, provider_id, account, debit_cents, credit_cents, memo, at, pool_id, partner_id, journal_kind) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, 'pool-funding')"
  await env.DB.batch([
    env.DB.prepare(insert).bind(`${journalId}_0`, journalId, 'funding_pool_cash', cents, 0, 'funding', at, poolId, null),
    env.DB.prepare(insert).bind(`${journalId}_1`, journalId, 'partner_capital', 0, cents, 'funding', at, poolId, 'bank_test'),
  ])
}

describe('the pay step with funding pools', () => {
  it('waits in payout_pending when no pool has the funds, sends nothing, then pays from the pool once funded', async () => {
    const provider = testProvider()
    const pool = `pool_${crypto.randomUUID().slice(0, 8)}`
    await env.DB.prepare('INSERT INTO funding_pools (id, partner_id, name, priority) VALUES (?, ?, ?, 1)').bind(pool, 'bank_test', 'Test pool').run()
    const id = await approvedClaim(provider)
    const store = createD1ClaimStore(env.DB)
    const { d, sent } = deps()

    // Twice: the reason is recorded once, and no money moves either time.
    for (let i = 0; i < 2; i++) await expect(payStep(d, (await store.findClaim(provider, id))!)).rejects.toBeInstanceOf(PayoutBlocked)
    expect(sent).toEqual([])
    expect((await store.findClaim(provider, id))!.status).toBe('payout_pending')
    expect(await rows('SELECT failure_code FROM payouts WHERE claim_id = ?', id)).toEqual([{ failure_code: 'no-pool-with-funds' }])
    expect(await rows("SELECT COUNT(*) AS n FROM audit_log WHERE subject_id = ? AND action = 'payout.waiting'", id)).toEqual([{ n: 1 }])
    expect(await rows('SELECT id FROM ledger_entries WHERE claim_id = ?', id)).toEqual([])

    await fund(pool, 100_000)
    const paid = await payStep(d, (await store.findClaim(provider, id))!)
    expect(paid.ok && paid.claim.status).toBe('paid')
    expect(sent).toHaveLength(1)
    const payout = sent[0]!.amountCents
    expect(await rows("SELECT pool_id, credit_cents FROM ledger_entries WHERE claim_id = ? AND account = 'funding_pool_cash'", id)).toEqual([{ pool_id: pool, credit_cents: payout }])
    expect(await rows("SELECT SUM(debit_cents) - SUM(credit_cents) AS cash FROM ledger_entries WHERE pool_id = ? AND account = 'funding_pool_cash'", pool)).toEqual([{ cash: 100_000 - payout }])
  })

  it('lets only one of two payouts in flight at once draw a pool that covers one, and never takes the pool below zero', async () => {
    const provider = testProvider()
    const pool = `pool_${crypto.randomUUID().slice(0, 8)}`
    // The only pool that pays: the earlier test's pool still has funds.
    await env.DB.prepare('UPDATE funding_pools SET active = 0').run()
    await env.DB.prepare('INSERT INTO funding_pools (id, partner_id, name, priority) VALUES (?, ?, ?, 1)').bind(pool, 'bank_test', 'Small pool').run()
    const [a, b] = [await approvedClaim(provider), await approvedClaim(provider)]
    const store = createD1ClaimStore(env.DB)
    await fund(pool, 20_000) // one sample payout (14,582 cents) fits, two do not

    // The rail holds each payout until both steps have reached it (or given up), so they overlap.
    const { d, sent } = deps()
    let release!: () => void
    const bothIn = new Promise<void>((done) => (release = done))
    const rail = { name: 'sandbox', send: async (r: PayoutRequest) => (await bothIn, d.rail.send(r)) }
    const outcomes = Promise.allSettled([a, b].map(async (id) => payStep({ ...d, rail }, (await store.findClaim(provider, id))!)))
    setTimeout(release, 200)

    const settled = (await outcomes).map((o) => (o.status === 'fulfilled' ? (o.value.ok ? o.value.claim.status : 'conflict') : (o.reason as Error).name))
    expect(settled.sort()).toEqual(['PayoutBlocked', 'paid'])
    expect(sent).toHaveLength(1)
    const paidId = sent[0]!.claimId
    const waitingId = paidId === a ? b : a
    expect(await rows('SELECT pool_id, status FROM payouts WHERE claim_id = ?', paidId)).toEqual([{ pool_id: pool, status: 'sent' }])
    expect(await rows('SELECT pool_id, status, failure_code FROM payouts WHERE claim_id = ?', waitingId)).toEqual([{ pool_id: null, status: 'requested', failure_code: 'no-pool-with-funds' }])
    const [{ cash }] = (await rows("SELECT SUM(debit_cents) - SUM(credit_cents) AS cash FROM ledger_entries WHERE pool_id = ? AND account = 'funding_pool_cash'", pool)) as [{ cash: number }]
    expect(cash).toBe(20_000 - sent[0]!.amountCents)
    expect(cash).toBeGreaterThanOrEqual(0)
  })
})
