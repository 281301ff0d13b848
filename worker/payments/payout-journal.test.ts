import { describe, expect, it } from 'vitest'
import { computePayout } from './compute-payout'
import { PayoutInputError, UnbalancedJournalError } from './payment-errors'
import { assertBalanced, buildPayoutJournal, isBalanced } from './payout-journal'

describe('buildPayoutJournal', () => {
  it('debits the receivable and credits the payout and the deferred cut', () => {
    const billedCents = 12_345
    const payoutCents = computePayout(billedCents, 500)
    const journal = buildPayoutJournal({ claimId: 'clm_1', providerId: 'prv_1', billedCents, payoutCents })
    expect(journal.lines).toEqual([
      { account: 'claims_receivable', debitCents: 12_345, creditCents: 0 },
      { account: 'cash_payouts', debitCents: 0, creditCents: 11_727 },
      { account: 'cut_revenue_deferred', debitCents: 0, creditCents: 618 },
    ])
    expect(isBalanced(journal)).toBe(true)
  })

  it('leaves out a zero cut line', () => {
    const journal = buildPayoutJournal({ claimId: 'c', providerId: 'p', billedCents: 500, payoutCents: 500 })
    expect(journal.lines.map((l) => l.account)).toEqual(['claims_receivable', 'cash_payouts'])
  })

  it('refuses a payout above the billed amount', () => {
    expect(() => buildPayoutJournal({ claimId: 'c', providerId: 'p', billedCents: 500, payoutCents: 501 })).toThrow(PayoutInputError)
  })
})

describe('isBalanced / assertBalanced', () => {
  it('rejects unequal sides, two-sided lines, negatives and single lines', () => {
    const dr = { account: 'claims_receivable' as const, debitCents: 100, creditCents: 0 }
    const cr = { account: 'cash_payouts' as const, debitCents: 0, creditCents: 100 }
    expect(isBalanced({ lines: [dr, cr] })).toBe(true)
    expect(isBalanced({ lines: [dr, { ...cr, creditCents: 99 }] })).toBe(false)
    expect(isBalanced({ lines: [dr, cr, { ...cr, debitCents: 5, creditCents: 5 }] })).toBe(false)
    expect(isBalanced({ lines: [{ ...dr, debitCents: -100 }, { ...cr, creditCents: -100 }] })).toBe(false)
    expect(isBalanced({ lines: [dr] })).toBe(false)
    expect(() => assertBalanced({ lines: [dr] })).toThrow(UnbalancedJournalError)
  })
})
