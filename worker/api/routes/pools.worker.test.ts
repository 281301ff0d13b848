import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createPartnerClient } from '../../../clients/partner/claimpay-partner'
import { createD1ClaimStore } from '../../claims'
import { claimWaitingForFunds, SAMPLE_PAYOUT_CENTS } from '../../payments/d1/waiting-claim-fixture'
import { eventually, testProvider } from '../../test/api-client'
import { adminCall, issuePartnerToken, ORIGIN, type IssuedToken } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

type Pool = { id: string; partnerId: string; name: string; priority: number; active: boolean; cashCents: string; reservedCents: string; availableCents: string; exposureCents: string }
type PoolList = { items: Pool[]; waiting: { claims: number; amountCents: string }; shortage: unknown }
type Deposit = { journalId: string; poolId: string; amountCents: string; replayed: boolean; redriven: number }

async function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]> {
  return (await env.DB.prepare(query).bind(...params).all<T>()).results
}
const count = async (query: string, ...params: unknown[]) => (await rows<{ n: number }>(query, ...params))[0]!.n
const auditCount = (action: string, subject: string) => count('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND subject_id = ?', action, subject)
const ledgerRows = (pool: string) => count('SELECT COUNT(*) AS n FROM ledger_entries WHERE pool_id = ?', pool)
const cashOf = async (pool: string) => (await rows<{ cash: number | null }>("SELECT SUM(debit_cents) - SUM(credit_cents) AS cash FROM ledger_entries WHERE pool_id = ? AND account = 'funding_pool_cash'", pool))[0]!.cash ?? 0

async function newPartner(): Promise<string> {
  const res = await adminCall('/admin/partners', { method: 'POST', json: { name: `Bank ${crypto.randomUUID().slice(0, 6)}` } })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function newPool(partnerId: string, body: Record<string, unknown> = {}): Promise<Pool> {
  // Paused unless asked: an active empty pool would make every other test's payouts wait.
  const res = await adminCall('/admin/pools', { method: 'POST', json: { partnerId, name: 'Pool', priority: 50, active: false, ...body } })
  expect(res.status).toBe(201)
  return (await res.json()) as Pool
}

const deposit = (pool: string, json: unknown, key?: string) =>
  adminCall(`/admin/pools/${pool}/deposits`, { method: 'POST', json, headers: key ? { 'idempotency-key': key } : {} })

const freshKey = () => `dep-${crypto.randomUUID()}`

describe('POST /admin/pools', () => {
  it('creates a pool for a partner and audits it', async () => {
    const partner = await newPartner()
    const res = await adminCall('/admin/pools', { method: 'POST', json: { partnerId: partner, name: '  Spring facility ', priority: 5 } })
    expect(res.status).toBe(201)
    const pool = (await res.json()) as Pool
    expect(pool).toMatchObject({ partnerId: partner, name: 'Spring facility', priority: 5, active: true, cashCents: '0', exposureCents: '0', availableCents: '0', reservedCents: '0' })
    expect(pool.id).toMatch(/^pool_[0-9A-Z]{26}$/)
    expect(await rows('SELECT partner_id, name, priority, active FROM funding_pools WHERE id = ?', pool.id)).toEqual([{ partner_id: partner, name: 'Spring facility', priority: 5, active: 1 }])
    expect(await auditCount('pool.created', pool.id)).toBe(1)
    // Paused again so that this file's other payouts are not held up by an empty active pool.
    expect((await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })).status).toBe(200)
  })

  it('refuses an unknown partner (422) and bad fields (400), storing nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM funding_pools')
    const auditBefore = await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'pool.created'")
    const unknown = await expectProblem(await adminCall('/admin/pools', { method: 'POST', json: { partnerId: 'ptn_missing', name: 'X' } }), 422)
    expect(unknown.type).toContain('unknown-partner')
    const partner = await newPartner()
    for (const json of [{ partnerId: partner, name: '' }, { partnerId: partner, name: 'X', priority: -1 }, { partnerId: partner, name: 'X', priority: 1.5 }, { partnerId: partner, name: 'X', cash: 5 }, { name: 'X' }]) {
      await expectProblem(await adminCall('/admin/pools', { method: 'POST', json }), 400)
    }
    await expectProblem(await adminCall('/admin/pools', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415)
    expect(await count('SELECT COUNT(*) AS n FROM funding_pools')).toBe(before)
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'pool.created'")).toBe(auditBefore)
  })
})

describe('POST /admin/pools/{id}/deposits', () => {
  it('posts the pool-funding journal once per key, and answers a replay with the first deposit', async () => {
    const partner = await newPartner()
    const pool = await newPool(partner)
    const key = freshKey()
    const first = await deposit(pool.id, { amountCents: 250_000 }, key)
    expect(first.status).toBe(201)
    const posted = (await first.json()) as Deposit
    expect(posted).toMatchObject({ poolId: pool.id, amountCents: '250000', replayed: false })
    expect(await rows('SELECT account, debit_cents, credit_cents, partner_id, journal_kind, provider_id FROM ledger_entries WHERE journal_id = ? ORDER BY account', posted.journalId)).toEqual([
      { account: 'funding_pool_cash', debit_cents: 250_000, credit_cents: 0, partner_id: null, journal_kind: 'pool-funding', provider_id: '' },
      { account: 'partner_capital', debit_cents: 0, credit_cents: 250_000, partner_id: partner, journal_kind: 'pool-funding', provider_id: '' },
    ])

    const again = await deposit(pool.id, { amountCents: 250_000 }, key)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ journalId: posted.journalId, replayed: true, redriven: 0 })
    // The same key as depositId in the body is the same deposit.
    expect((await deposit(pool.id, { amountCents: 250_000, depositId: key })).status).toBe(200)
    expect(await ledgerRows(pool.id)).toBe(2)
    expect(await cashOf(pool.id)).toBe(250_000)
    expect(await auditCount('pool.deposit.recorded', pool.id)).toBe(1)

    // And the ledger's own report agrees.
    const report = (await (await adminCall('/admin/ledger/balances')).json()) as { pools: { poolId: string; cashCents: string }[]; problems: unknown[] }
    expect(report.pools).toContainEqual(expect.objectContaining({ poolId: pool.id, cashCents: '250000' }))
    const listed = (await (await adminCall('/admin/pools')).json()) as PoolList
    expect(listed.items.find((p) => p.id === pool.id)).toMatchObject({ cashCents: '250000', availableCents: '250000', exposureCents: '0', active: false })
  })

  it('posts once when the same deposit arrives twice at the same moment', async () => {
    const pool = await newPool(await newPartner())
    const key = freshKey()
    const answers = await Promise.all([deposit(pool.id, { amountCents: 7_000 }, key), deposit(pool.id, { amountCents: 7_000 }, key)])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201])
    expect(await cashOf(pool.id)).toBe(7_000)
    expect(await auditCount('pool.deposit.recorded', pool.id)).toBe(1)
  })

  it('refuses a key reused for another amount or pool with 409 and writes nothing', async () => {
    const partner = await newPartner()
    const [a, b] = [await newPool(partner), await newPool(partner)]
    const key = freshKey()
    expect((await deposit(a.id, { amountCents: 1_000 }, key)).status).toBe(201)
    expect((await expectProblem(await deposit(a.id, { amountCents: 1_001 }, key), 409)).type).toContain('idempotency-key-reused')
    await expectProblem(await deposit(b.id, { amountCents: 1_000 }, key), 409)
    expect(await ledgerRows(a.id)).toBe(2)
    expect(await ledgerRows(b.id)).toBe(0)
    expect(await auditCount('pool.deposit.recorded', b.id)).toBe(0)
  })

  it('refuses zero, negative, fractional, huge and non-numeric amounts, a missing or conflicting key, and an unknown pool, writing nothing', async () => {
    const pool = await newPool(await newPartner())
    const bad: unknown[] = [{ amountCents: 0 }, { amountCents: -500 }, { amountCents: 10.5 }, { amountCents: 1e15 }, { amountCents: Number.MAX_SAFE_INTEGER + 2 }, { amountCents: '100' }, {}, { amountCents: 100, extra: true }]
    for (const json of bad) {
      const problem = await expectProblem(await deposit(pool.id, json, freshKey()), 400)
      expect(problem.type, JSON.stringify(json)).toContain('validation-failed')
    }
    expect((await expectProblem(await deposit(pool.id, { amountCents: 100 }), 400)).type).toContain('idempotency-key-required')
    expect((await expectProblem(await deposit(pool.id, { amountCents: 100, depositId: freshKey() }, freshKey()), 400)).type).toContain('idempotency-key-mismatch')
    await expectProblem(await deposit(pool.id, { amountCents: 100 }, 'short'), 400)
    await expectProblem(await deposit(pool.id, { amountCents: 100 }, 'has spaces in it'), 400)
    await expectProblem(await deposit('pool_missing', { amountCents: 100 }, freshKey()), 404)
    await expectProblem(await adminCall(`/admin/pools/${pool.id}/deposits`, { method: 'POST', body: '{"amountCents":', headers: { 'content-type': 'application/json', 'idempotency-key': freshKey() } }), 400)
    expect(await ledgerRows(pool.id)).toBe(0)
    expect(await count("SELECT COUNT(*) AS n FROM ledger_entries WHERE pool_id = 'pool_missing'")).toBe(0)
    expect(await auditCount('pool.deposit.recorded', pool.id)).toBe(0)
    expect(await auditCount('pool.deposit.recorded', 'pool_missing')).toBe(0)
  })

  it('takes the largest deposit allowed', async () => {
    const pool = await newPool(await newPartner())
    expect((await deposit(pool.id, { amountCents: 100_000_000_000 }, freshKey())).status).toBe(201)
    expect(await cashOf(pool.id)).toBe(100_000_000_000)
  })
})

describe('pause and resume', () => {
  it('pauses and resumes once each, audits only real changes, and 404s an unknown pool', async () => {
    const pool = await newPool(await newPartner(), { active: true })
    const pause = await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })
    expect(pause.status).toBe(200)
    expect(await pause.json()).toMatchObject({ id: pool.id, active: false })
    expect((await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })).status).toBe(200)
    expect(await auditCount('pool.paused', pool.id)).toBe(1)
    expect(await rows('SELECT active FROM funding_pools WHERE id = ?', pool.id)).toEqual([{ active: 0 }])
    // A paused pool still takes a partner's money.
    expect((await deposit(pool.id, { amountCents: 500 }, freshKey())).status).toBe(201)
    const resume = await adminCall(`/admin/pools/${pool.id}/resume`, { method: 'POST' })
    expect(await resume.json()).toMatchObject({ active: true, cashCents: '500' })
    expect(await auditCount('pool.resumed', pool.id)).toBe(1)
    await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })
    for (const action of ['pause', 'resume']) await expectProblem(await adminCall(`/admin/pools/pool_missing/${action}`, { method: 'POST' }), 404)
    expect(await auditCount('pool.resumed', 'pool_missing')).toBe(0)
  })
})

describe('GET /admin/pools/{id}', () => {
  it('gives the pool with a daily exposure series from the ledger', async () => {
    const pool = await newPool(await newPartner())
    await deposit(pool.id, { amountCents: 50_000 }, freshKey())
    // A payout drawn on the pool as the pay step posts it: exposure is the receivable less the deferred cut.
    const journal = `jnl_${crypto.randomUUID()}`
    const at = new Date().toISOString()
    const insert = 'INSERT INTO ledger_entries (id, journal_id, provider_id, claim_id, account, debit_cents, credit_cents, memo, at, pool_id, payer_id, journal_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    await env.DB.batch([
      env.DB.prepare(insert).bind(`${journal}_0`, journal, '', 'clm_x', 'payer_receivable', 10_000, 0, 'payout', at, pool.id, 'pyr_x', 'payout'),
      env.DB.prepare(insert).bind(`${journal}_1`, journal, '', 'clm_x', 'funding_pool_cash', 0, 9_500, 'payout', at, pool.id, null, 'payout'),
      env.DB.prepare(insert).bind(`${journal}_2`, journal, '', 'clm_x', 'cut_revenue_deferred', 0, 500, 'payout', at, pool.id, null, 'payout'),
    ])
    const res = await adminCall(`/admin/pools/${pool.id}?days=7`)
    expect(res.status).toBe(200)
    const detail = (await res.json()) as { pool: Pool; exposure: { day: string; exposureCents: string }[] }
    expect(detail.pool).toMatchObject({ cashCents: '40500', exposureCents: '9500', availableCents: '40500' })
    expect(detail.exposure).toHaveLength(7)
    expect(detail.exposure.at(-1)).toEqual({ day: at.slice(0, 10), exposureCents: '9500' })
    expect(detail.exposure[0]!.exposureCents).toBe('0')
    expect(((await (await adminCall(`/admin/pools/${pool.id}`)).json()) as { exposure: unknown[] }).exposure).toHaveLength(90)
    for (const days of ['3', '400', 'x']) await expectProblem(await adminCall(`/admin/pools/${pool.id}?days=${days}`), 400)
    await expectProblem(await adminCall('/admin/pools/pool_missing'), 404)
  })
})

describe('claims waiting for funds', () => {
  it('are counted on the list, and a deposit into an active pool sends them back to be paid', async () => {
    const provider = testProvider()
    const claim = await claimWaitingForFunds(provider)
    const listed = (await (await adminCall('/admin/pools')).json()) as PoolList
    expect(listed.waiting.claims).toBeGreaterThanOrEqual(1)
    expect(BigInt(listed.waiting.amountCents)).toBeGreaterThanOrEqual(BigInt(SAMPLE_PAYOUT_CENTS))

    // Into a paused pool: recorded, but nothing can be paid from it, so nothing is sent.
    const pool = await newPool(await newPartner(), { priority: 1 })
    const paused = (await (await deposit(pool.id, { amountCents: 1_000_000 }, freshKey())).json()) as Deposit
    expect(paused.redriven).toBe(0)

    const resumed = await adminCall(`/admin/pools/${pool.id}/resume`, { method: 'POST' })
    expect(resumed.status).toBe(200)
    const store = createD1ClaimStore(env.DB)
    await eventually(async () => ['paid', 'submitted', 'adjudicated', 'reconciled'].includes((await store.findClaim(provider, claim))?.status ?? ''), 'the waiting claim to be paid')
    expect(await rows("SELECT pool_id, credit_cents FROM ledger_entries WHERE claim_id = ? AND account = 'funding_pool_cash'", claim)).toEqual([{ pool_id: pool.id, credit_cents: SAMPLE_PAYOUT_CENTS }])
    await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })
  })

  it('are sent on by a deposit into an active pool', async () => {
    const provider = testProvider()
    const pool = await newPool(await newPartner(), { priority: 1, active: true })
    const claim = await claimWaitingForFunds(provider)
    const posted = (await (await deposit(pool.id, { amountCents: 20_000 }, freshKey())).json()) as Deposit
    expect(posted.redriven).toBeGreaterThanOrEqual(1)
    const store = createD1ClaimStore(env.DB)
    await eventually(async () => (await store.findClaim(provider, claim))?.status !== 'payout_pending', 'the waiting claim to move')
    await adminCall(`/admin/pools/${pool.id}/pause`, { method: 'POST' })
  })
})

describe('the partner portal', () => {
  const client = (token: IssuedToken) => createPartnerClient({ baseUrl: ORIGIN, tokenId: token.id, secret: token.secret, fetch: SELF.fetch.bind(SELF) })

  it("shows a partner its own pools only, and answers 404 for another partner's", async () => {
    const mine = await issuePartnerToken(['portfolio:read'])
    const theirs = await issuePartnerToken(['portfolio:read'])
    const own = await newPool(mine.partnerId)
    const other = await newPool(theirs.partnerId)
    await deposit(own.id, { amountCents: 12_345 }, freshKey())

    const list = await client(mine).get('/api/v1/partner/pools')
    expect(list.status).toBe(200)
    const items = ((await list.json()) as { items: Pool[] }).items
    expect(items.map((p) => p.id)).toEqual([own.id])
    expect(items[0]).toMatchObject({ cashCents: '12345', exposureCents: '0', availableCents: '12345' })

    const detail = await client(mine).get(`/api/v1/partner/pools/${own.id}?days=30`)
    expect(detail.status).toBe(200)
    expect(((await detail.json()) as { exposure: unknown[] }).exposure).toHaveLength(30)

    const foreign = await expectProblem(await client(mine).get(`/api/v1/partner/pools/${other.id}`), 404)
    const missing = await expectProblem(await client(mine).get('/api/v1/partner/pools/pool_missing'), 404)
    expect({ ...foreign, detail: undefined }).toEqual({ ...missing, detail: undefined })
  })

  it('needs the portfolio:read scope', async () => {
    const token = await issuePartnerToken(['funding:approve'])
    expect((await expectProblem(await client(token).get('/api/v1/partner/pools'), 403)).type).toContain('missing-scope')
  })
})
