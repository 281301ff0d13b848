import { describe, expect, it } from 'vitest'
import { breaches, type MoneyFigures } from './invariants'

const clean: MoneyFigures = {
  claims: 10,
  approved: 8,
  rejected: 2,
  paid_once: 8,
  paid_twice: 0,
  unpaid_approved: 0,
  unrecorded_transfers: 0,
  payouts_returned: 1,
  returns_not_recovered: 0,
  rail_status_mismatches: 0,
  ledger_balanced: true,
  ledger_problems: 0,
  payout_journals_twice: 0,
  remittances_posted_twice: 0,
  submitted: 8,
  reconciled: 8,
  awaiting_remittance: 0,
  pool_cash_cents: { pool_a: 100 },
  refused_by_payer: 0,
  refused_reasons: {},
  reconciliation_items: {},
  statuses: { reconciled: 8, rejected: 2 },
}

describe('the invariants of a payments run', () => {
  it('hold for a run where every approved claim was paid once and reconciled', () => {
    expect(breaches(clean, 0)).toEqual([])
  })

  it('name each one that breaks', () => {
    const found = breaches({ ...clean, paid_once: 7, paid_twice: 1, unpaid_approved: 1, ledger_balanced: false, ledger_problems: 2, awaiting_remittance: 3 }, -5)
    expect(found.map((b) => b.invariant).sort()).toEqual(
      ['awaiting_remittance = 0', 'every approved claim paid once', 'ledger balanced', 'no pool below zero', 'paid_twice = 0', 'unpaid_approved = 0'].sort(),
    )
  })
})
