import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { adminCall, call } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

type Report = {
  journalCount: number
  trialBalance: { debitCents: string; creditCents: string }
  accounts: { account: string; balanceCents: string }[]
  byDimension: Record<'poolId' | 'payerId' | 'providerId' | 'partnerId', { account: string; id: string; balanceCents: string }[]>
  pools: { poolId: string; cashCents: string; exposureCents: string }[]
  problems: unknown[]
}

type Line = { account: string; debit: number; credit: number; pool?: string; payer?: string; provider?: string; claim?: string; partner?: string }

/** Posts a journal as the pipeline would store it: one row per line, '' for lines no provider owns. */
async function post(kind: string, lines: Line[]) {
  const journalId = `jnl_${crypto.randomUUID()}`
  const at = new Date().toISOString()
  await env.DB.batch(
    lines.map((l, i) =>
      env.DB.prepare('INSERT INTO ledger_entries (id, journal_id, provider_id, claim_id, account, debit_cents, credit_cents, memo, at, pool_id, payer_id, partner_id, journal_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').bind(
        `${journalId}_${i}`, journalId, l.provider ?? '', l.claim ?? null, l.account, l.debit, l.credit, kind, at, l.pool ?? null, l.payer ?? null, l.partner ?? null, kind,
      ),
    ),
  )
}

describe('GET /admin/ledger/balances', () => {
  it('asks for Cloudflare Access', async () => {
    await expectProblem(await call('/admin/ledger/balances'), 401)
  })

  it('folds balances from the entries per account, pool, payer and partner, and finds nothing wrong', async () => {
    const pool = `pool_${crypto.randomUUID().slice(0, 8)}`
    const claim = `clm_${crypto.randomUUID().slice(0, 8)}`
    await post('pool-funding', [
      { account: 'funding_pool_cash', debit: 50_000, credit: 0, pool },
      { account: 'partner_capital', debit: 0, credit: 50_000, pool, partner: 'bank_test' },
    ])
    await post('payout', [
      { account: 'payer_receivable', debit: 10_000, credit: 0, pool, payer: 'pyr_test', claim },
      { account: 'funding_pool_cash', debit: 0, credit: 9_500, pool, claim },
      { account: 'cut_revenue_deferred', debit: 0, credit: 500, pool, claim },
    ])

    const res = await adminCall('/admin/ledger/balances')
    expect(res.status).toBe(200)
    const report = (await res.json()) as Report
    expect(report.problems).toEqual([])
    expect(report.journalCount).toBeGreaterThanOrEqual(2)
    expect(report.trialBalance.debitCents).toBe(report.trialBalance.creditCents)
    expect(report.pools).toContainEqual({ poolId: pool, cashCents: '40500', exposureCents: '9500' })
    expect(report.byDimension.poolId).toContainEqual({ account: 'payer_receivable', id: pool, balanceCents: '10000' })
    expect(report.byDimension.payerId).toContainEqual({ account: 'payer_receivable', id: 'pyr_test', balanceCents: expect.any(String) })
    expect(report.byDimension.partnerId).toContainEqual({ account: 'partner_capital', id: 'bank_test', balanceCents: expect.any(String) })
    expect(report.accounts.map((a) => a.account)).toContain('losses')
  })

  it('reports an unbalanced journal instead of hiding it', async () => {
    await post('payout', [
      { account: 'losses', debit: 7, credit: 0, claim: 'clm_bad' },
      { account: 'write_offs', debit: 0, credit: 6, claim: 'clm_bad' },
    ])
    const report = (await (await adminCall('/admin/ledger/balances')).json()) as Report
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'invalid-journal', reason: 'unbalanced' }))
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'trial-balance-off' }))
  })
})
