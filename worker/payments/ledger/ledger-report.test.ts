import { describe, expect, it } from 'vitest'
import { journalForFullReimbursement } from './full-reimbursement'
import { journalForPoolFunding } from './fund-pool'
import type { JournalResult, PostedJournal } from './journal'
import { ledgerReport } from './ledger-report'
import { journalForPayout } from './payout'

let n = 0
function posted(r: JournalResult): PostedJournal {
  if (!r.ok) throw new Error(r.message)
  return { ...r.journal, id: `jnl_${++n}`, postedAt: '2026-01-01T00:00:00Z' }
}

const ref = { claimId: 'clm_1', providerId: 'prv_1', payerId: 'pyr_1', poolId: 'pool_a' }

describe('ledgerReport', () => {
  it('folds balances per account and dimension and finds nothing wrong in a healthy ledger', () => {
    const journals = [
      posted(journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: 100_000 })),
      posted(journalForPayout({ ...ref, billedCents: 10_000, payoutCents: 9_500 })),
      posted(journalForFullReimbursement({ ...ref, billedCents: 10_000, payoutCents: 9_500 })),
    ]
    const report = ledgerReport(journals)
    expect(report.problems).toEqual([])
    expect(report.journalCount).toBe(3)
    expect(report.trialBalance.debitCents).toBe(report.trialBalance.creditCents)
    const account = (name: string) => report.accounts.find((a) => a.account === name)?.balanceCents
    expect(account('funding_pool_cash')).toBe('100500')
    expect(account('payer_receivable')).toBe('0')
    expect(account('cut_revenue')).toBe('500')
    expect(account('cut_revenue_deferred')).toBe('0')
    expect(report.byDimension.payerId).toContainEqual({ account: 'payer_receivable', id: 'pyr_1', balanceCents: '0' })
    expect(report.byDimension.partnerId).toEqual([{ account: 'partner_capital', id: 'bank_1', balanceCents: '100000' }])
    expect(report.pools).toEqual([{ poolId: 'pool_a', cashCents: '100500', exposureCents: '0' }])
  })

  it('reports a journal that does not balance, with amounts as strings', () => {
    const bad: PostedJournal = { id: 'jnl_bad', postedAt: '2026-01-01T00:00:00Z', kind: 'payout', memo: 'x', lines: [{ account: 'losses', debitCents: 5, creditCents: 0, claimId: 'c' }, { account: 'write_offs', debitCents: 0, creditCents: 4, claimId: 'c' }] }
    const report = ledgerReport([bad])
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'invalid-journal', journalId: 'jnl_bad', reason: 'unbalanced' }))
    expect(report.problems).toContainEqual({ kind: 'trial-balance-off', debitCents: '5', creditCents: '4' })
  })
})
