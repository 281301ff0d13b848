import { describe, expect, it } from 'vitest'
import { balanceOf, balancesBy, foldBalances, trialBalance } from './balances'
import { checkLedger } from './check-ledger'
import { journalForDenialWriteOff } from './denial-write-off'
import { journalForFullReimbursement } from './full-reimbursement'
import { journalForPoolFunding } from './fund-pool'
import type { JournalDraft, JournalResult, PostedJournal } from './journal'
import { journalForPartialReimbursement } from './partial-reimbursement'
import { journalForPayout } from './payout'
import { poolSummary } from './pool-summary'
import { journalForRecovery } from './recovery'
import { reverseJournal } from './reversal'

let seq = 0
function post(result: JournalResult | JournalDraft): PostedJournal {
  const draft = 'ok' in result ? (result.ok ? result.journal : fail(result.reason)) : result
  return { ...draft, id: `jnl_${++seq}`, postedAt: '2026-11-22T00:00:00Z' }
}
function fail(reason: string): never {
  throw new Error(reason)
}

const claim = (n: number, poolId = 'pool_a', providerId = 'prv_1', payerId = 'pyr_1') => ({ claimId: `clm_${n}`, providerId, payerId, poolId })

/** A small book: two pools, three claims paid out, one reimbursed in full, one in part, one denied and partly recovered. */
function book(): PostedJournal[] {
  seq = 0
  return [
    post(journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: 100_000 })),
    post(journalForPoolFunding({ partnerId: 'bank_2', poolId: 'pool_b', amountCents: 50_000 })),
    post(journalForPayout({ ...claim(1), billedCents: 10_000, payoutCents: 9_500 })),
    post(journalForPayout({ ...claim(2, 'pool_a', 'prv_2', 'pyr_2'), billedCents: 20_000, payoutCents: 19_000 })),
    post(journalForPayout({ ...claim(3, 'pool_b'), billedCents: 4_000, payoutCents: 3_800 })),
    post(journalForFullReimbursement({ ...claim(1), billedCents: 10_000, payoutCents: 9_500 })),
    post(
      journalForPartialReimbursement({
        ...claim(2, 'pool_a', 'prv_2', 'pyr_2'),
        billedCents: 20_000,
        payoutCents: 19_000,
        paidCents: 15_000,
        adjustments: [{ group: 'CO', cents: 3_000 }],
        patientResponsibilityCents: 2_000,
      }),
    ),
    post(journalForDenialWriteOff({ ...claim(3, 'pool_b'), billedCents: 4_000, payoutCents: 3_800 })),
    post(journalForRecovery({ claimId: 'clm_3', providerId: 'prv_1', poolId: 'pool_b', amountCents: 1_000, lossCents: 3_800, agreementAllowsRecovery: true, via: 'cash' })),
  ]
}

describe('balances folded from journals', () => {
  it('give the balance of each account per pool, provider and payer', () => {
    const b = foldBalances(book())
    expect(balanceOf(b, 'funding_pool_cash', { poolId: 'pool_a' })).toBe(100_000n - 9_500n - 19_000n + 10_000n + 15_000n)
    expect(balanceOf(b, 'funding_pool_cash', { poolId: 'pool_b' })).toBe(50_000n - 3_800n + 1_000n)
    expect(balanceOf(b, 'payer_receivable')).toBe(0n)
    expect(balanceOf(b, 'cut_revenue_deferred')).toBe(0n)
    expect(balanceOf(b, 'cut_revenue')).toBe(500n + 1_000n)
    expect(balanceOf(b, 'write_offs')).toBe(3_000n)
    expect(balanceOf(b, 'losses')).toBe(3_800n - 1_000n)
    expect(balanceOf(b, 'patient_responsibility_receivable', { providerId: 'prv_2' })).toBe(2_000n)
    expect(balancesBy(b, 'partner_capital', 'partnerId')).toEqual(new Map([['bank_1', 100_000n], ['bank_2', 50_000n]]))
    expect(balancesBy(b, 'cut_revenue', 'providerId')).toEqual(new Map([['prv_1', 500n], ['prv_2', 1_000n]]))
    const t = trialBalance(b)
    expect(t.debitCents).toBe(t.creditCents)
  })

  it('track exposure per pool as payouts not yet recovered, and available as cash less reserved', () => {
    const journals = book()
    const afterPayouts = foldBalances(journals.slice(0, 5))
    expect(poolSummary(afterPayouts, 'pool_a')).toEqual({ poolId: 'pool_a', cashCents: 71_500n, reservedCents: 0n, availableCents: 71_500n, exposureCents: 28_500n })
    expect(poolSummary(afterPayouts, 'pool_b', 6_000n)).toMatchObject({ cashCents: 46_200n, availableCents: 40_200n, exposureCents: 3_800n })
    const end = foldBalances(journals)
    // Claim 1 repaid, claim 2 adjudicated with 2_000 still owed by the patient, claim 3 written off.
    expect(poolSummary(end, 'pool_a').exposureCents).toBe(2_000n)
    expect(poolSummary(end, 'pool_b').exposureCents).toBe(0n)
  })

  it('fold incrementally to the same result as from scratch', () => {
    const journals = book()
    const stepwise = journals.reduce((b, j) => foldBalances([j], b), foldBalances([]))
    expect(stepwise).toEqual(foldBalances(journals))
  })
})

describe('checkLedger', () => {
  it('passes a sound ledger and stored balances that agree', () => {
    const journals = book()
    expect(checkLedger(journals, foldBalances(journals))).toEqual({ ok: true })
  })

  it('undoes a journal exactly with its reversal and refuses a second reversal', () => {
    const journals = book()
    const payout = journals[2]!
    const reversal = post(reverseJournal(payout, 'posted to the wrong pool'))
    expect(reversal).toMatchObject({ kind: 'reversal', reversesJournalId: payout.id, claimId: 'clm_1' })
    expect(reversal.lines[0]).toMatchObject({ account: 'payer_receivable', debitCents: 0, creditCents: 10_000, poolId: 'pool_a' })
    const net = foldBalances([payout, reversal])
    for (const row of net.values()) expect(row.debitCents).toBe(row.creditCents)
    expect(checkLedger([...journals, reversal])).toEqual({ ok: true })

    const again = post(reverseJournal(payout, 'again'))
    expect(checkLedger([...journals, reversal, again])).toMatchObject({ ok: false, problems: [{ kind: 'reversed-twice', reversesJournalId: payout.id }] })
  })

  it('reports every problem: unbalanced journals, unknown reversals, tampered balances', () => {
    const journals = book()
    const broken: PostedJournal = { ...journals[2]!, id: 'jnl_x', lines: journals[2]!.lines.slice(0, 2) }
    const orphan: PostedJournal = { ...post(reverseJournal(journals[0]!, 'x')), reversesJournalId: 'jnl_missing' }
    const stored = new Map(foldBalances(journals))
    const [key, row] = [...stored.entries()][0]!
    stored.set(key, { ...row, debitCents: row.debitCents + 1n })
    const check = checkLedger([...journals, broken, orphan], stored)
    expect(check.ok).toBe(false)
    if (!check.ok) {
      const kinds = check.problems.map((p) => p.kind)
      expect(kinds).toContain('invalid-journal')
      expect(kinds).toContain('reverses-unknown-journal')
      expect(kinds).toContain('trial-balance-off')
      expect(kinds).toContain('balance-disagrees')
    }
  })

  it('keeps totals exact beyond 2^53 cents', () => {
    seq = 0
    const big = Number.MAX_SAFE_INTEGER - 1
    const journals = [
      post(journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: big })),
      post(journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: big })),
      post(journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: 3 })),
    ]
    expect(balanceOf(foldBalances(journals), 'funding_pool_cash', { poolId: 'pool_a' })).toBe(2n * BigInt(big) + 3n)
    expect(checkLedger(journals)).toEqual({ ok: true })
  })
})
