import { describe, expect, it } from 'vitest'
import { computePayout } from '../compute-payout'
import { journalForDenialWriteOff } from './denial-write-off'
import { journalForFullReimbursement } from './full-reimbursement'
import { journalForPoolFunding } from './fund-pool'
import type { JournalResult } from './journal'
import { journalForPartialReimbursement } from './partial-reimbursement'
import { journalForPatientBalanceWriteOff, journalForPatientPayment } from './patient-responsibility'
import { journalForPayout } from './payout'
import { journalForPayableSettled, journalForPayoutReturned } from './payout-return'
import { journalForRecovery } from './recovery'
import { validateJournal } from './validate-journal'

const ref = { claimId: 'clm_1', providerId: 'prv_1', payerId: 'pyr_1', poolId: 'pool_a' }
const billedCents = 12_345
const payoutCents = computePayout(billedCents, 500) // 11_727, cut 618

function lines(result: JournalResult) {
  if (!result.ok) throw new Error(`expected a journal, got ${result.reason}: ${result.message}`)
  return result.journal.lines.map((l) => [l.account, l.debitCents, l.creditCents])
}

describe('journalForPoolFunding', () => {
  it('debits pool cash and credits the partner capital of that pool', () => {
    const r = journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: 1_000_000 })
    expect(r.ok && r.journal.lines).toEqual([
      { account: 'funding_pool_cash', debitCents: 1_000_000, creditCents: 0, poolId: 'pool_a' },
      { account: 'partner_capital', debitCents: 0, creditCents: 1_000_000, partnerId: 'bank_1', poolId: 'pool_a' },
    ])
  })

  it.each([0, -5, 1.5, Number.NaN])('refuses %s as a value, never a throw', (amountCents) => {
    const r = journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(['non-positive-amount', 'not-whole-cents']).toContain(r.reason)
  })
})

describe('journalForPayout', () => {
  it('books the receivable at billed value, pays the payout from the pool and defers the cut', () => {
    const r = journalForPayout({ ...ref, billedCents, payoutCents })
    expect(lines(r)).toEqual([
      ['payer_receivable', 12_345, 0],
      ['funding_pool_cash', 0, 11_727],
      ['cut_revenue_deferred', 0, 618],
    ])
    expect(r.ok && r.journal).toMatchObject({ kind: 'payout', claimId: 'clm_1' })
    expect(r.ok && r.journal.lines[0]).toMatchObject({ payerId: 'pyr_1', claimId: 'clm_1', poolId: 'pool_a' })
  })

  it('keeps back a recovery offset, clearing what the provider owes', () => {
    const r = journalForPayout({ ...ref, billedCents, payoutCents, recoveryOffsetCents: 1_000 })
    expect(lines(r)).toEqual([
      ['payer_receivable', 12_345, 0],
      ['funding_pool_cash', 0, 10_727],
      ['provider_payable', 0, 1_000],
      ['cut_revenue_deferred', 0, 618],
    ])
  })

  it('leaves out the cut line at a 0% cut', () => {
    expect(lines(journalForPayout({ ...ref, billedCents: 500, payoutCents: 500 })).map((l) => l[0])).toEqual(['payer_receivable', 'funding_pool_cash'])
  })

  it('refuses impossible figures as values', () => {
    expect(journalForPayout({ ...ref, billedCents: 500, payoutCents: 501 })).toMatchObject({ ok: false, reason: 'payout-exceeds-billed' })
    expect(journalForPayout({ ...ref, billedCents: 0, payoutCents: 0 })).toMatchObject({ ok: false, reason: 'non-positive-amount' })
    expect(journalForPayout({ ...ref, billedCents: 500, payoutCents: 0 })).toMatchObject({ ok: false, reason: 'non-positive-amount' })
    expect(journalForPayout({ ...ref, billedCents: 500, payoutCents: 400, recoveryOffsetCents: 401 })).toMatchObject({ ok: false, reason: 'offset-exceeds-payout' })
    expect(journalForPayout({ ...ref, poolId: '', billedCents: 500, payoutCents: 400 })).toMatchObject({ ok: false, reason: 'missing-dimension' })
  })
})

describe('journalForFullReimbursement', () => {
  it('brings payer cash into the pool, clears the receivable and earns the cut', () => {
    expect(lines(journalForFullReimbursement({ ...ref, billedCents, payoutCents }))).toEqual([
      ['funding_pool_cash', 12_345, 0],
      ['payer_receivable', 0, 12_345],
      ['cut_revenue_deferred', 618, 0],
      ['cut_revenue', 0, 618],
    ])
  })
})

describe('journalForPartialReimbursement', () => {
  const base = { ...ref, billedCents: 10_000, payoutCents: 9_500 }

  it('posts cash, patient responsibility and contractual write-off, and earns the cut', () => {
    const r = journalForPartialReimbursement({
      ...base,
      paidCents: 6_000,
      adjustments: [{ group: 'CO', cents: 2_500, reasonCode: '45' }, { group: 'OA', cents: 500 }],
      patientResponsibilityCents: 1_000,
    })
    expect(lines(r)).toEqual([
      ['funding_pool_cash', 6_000, 0],
      ['patient_responsibility_receivable', 1_000, 0],
      ['write_offs', 3_000, 0],
      ['payer_receivable', 0, 10_000],
      ['cut_revenue_deferred', 500, 0],
      ['cut_revenue', 0, 500],
    ])
    expect(r.ok && r.journal.detail).toMatchObject({ adjustments: [{ group: 'CO', cents: 2_500, reasonCode: '45' }, { group: 'OA', cents: 500 }] })
  })

  it('handles a claim that went entirely to the deductible (nothing paid)', () => {
    const r = journalForPartialReimbursement({ ...base, paidCents: 0, adjustments: [], patientResponsibilityCents: 10_000 })
    expect(lines(r).map((l) => l[0])).toEqual(['patient_responsibility_receivable', 'payer_receivable', 'cut_revenue_deferred', 'cut_revenue'])
  })

  it('refuses figures that do not add up to the billed amount, or negative ones', () => {
    expect(journalForPartialReimbursement({ ...base, paidCents: 6_000, adjustments: [{ group: 'CO', cents: 3_000 }], patientResponsibilityCents: 0 })).toMatchObject({
      ok: false,
      reason: 'amounts-do-not-add-up',
    })
    expect(journalForPartialReimbursement({ ...base, paidCents: 10_001, adjustments: [], patientResponsibilityCents: 0 })).toMatchObject({ ok: false, reason: 'paid-exceeds-billed' })
    expect(journalForPartialReimbursement({ ...base, paidCents: 6_000, adjustments: [{ group: 'CO', cents: -1 }], patientResponsibilityCents: 4_001 })).toMatchObject({
      ok: false,
      reason: 'non-positive-amount',
    })
  })
})

describe('patient responsibility', () => {
  it('collects into the pool or writes off against the receivable', () => {
    const input = { claimId: 'clm_1', providerId: 'prv_1', poolId: 'pool_a', amountCents: 700 }
    expect(lines(journalForPatientPayment(input))).toEqual([
      ['funding_pool_cash', 700, 0],
      ['patient_responsibility_receivable', 0, 700],
    ])
    expect(lines(journalForPatientBalanceWriteOff(input))).toEqual([
      ['write_offs', 700, 0],
      ['patient_responsibility_receivable', 0, 700],
    ])
    expect(journalForPatientPayment({ ...input, amountCents: 0 })).toMatchObject({ ok: false, reason: 'non-positive-amount' })
  })
})

describe('journalForDenialWriteOff', () => {
  it('turns what was paid out into a loss and reverses the deferred cut', () => {
    expect(lines(journalForDenialWriteOff({ ...ref, billedCents, payoutCents }))).toEqual([
      ['losses', 11_727, 0],
      ['cut_revenue_deferred', 618, 0],
      ['payer_receivable', 0, 12_345],
    ])
  })
})

describe('journalForRecovery', () => {
  const input = { claimId: 'clm_1', providerId: 'prv_1', poolId: 'pool_a', amountCents: 5_000, lossCents: 11_727, agreementAllowsRecovery: true }

  it('recovers in cash into the pool, or as an amount the provider owes', () => {
    expect(lines(journalForRecovery({ ...input, via: 'cash' }))).toEqual([
      ['funding_pool_cash', 5_000, 0],
      ['losses', 0, 5_000],
    ])
    expect(lines(journalForRecovery({ ...input, via: 'offset' }))).toEqual([
      ['provider_payable', 5_000, 0],
      ['losses', 0, 5_000],
    ])
  })

  it('refuses when the agreement does not allow it, or beyond the loss', () => {
    expect(journalForRecovery({ ...input, via: 'cash', agreementAllowsRecovery: false })).toMatchObject({ ok: false, reason: 'recovery-not-allowed' })
    expect(journalForRecovery({ ...input, via: 'cash', amountCents: 11_728 })).toMatchObject({ ok: false, reason: 'recovery-exceeds-loss' })
  })
})

describe('payout returned and paid again', () => {
  it('moves the amount between the pool and what is owed to the provider', () => {
    const input = { claimId: 'clm_1', providerId: 'prv_1', poolId: 'pool_a', amountCents: 11_727 }
    expect(lines(journalForPayoutReturned(input))).toEqual([
      ['funding_pool_cash', 11_727, 0],
      ['provider_payable', 0, 11_727],
    ])
    expect(lines(journalForPayableSettled(input))).toEqual([
      ['provider_payable', 11_727, 0],
      ['funding_pool_cash', 0, 11_727],
    ])
  })
})

describe('validateJournal', () => {
  const dr = { account: 'funding_pool_cash' as const, debitCents: 100, creditCents: 0, poolId: 'p' }
  const cr = { account: 'partner_capital' as const, debitCents: 0, creditCents: 100, poolId: 'p', partnerId: 'b' }

  it('names what is wrong', () => {
    const check = (lines: unknown[]) => validateJournal({ kind: 'pool-funding', memo: 'm', lines: lines as never })
    expect(check([dr, cr])).toMatchObject({ ok: true })
    expect(check([dr])).toMatchObject({ ok: false, reason: 'too-few-lines' })
    expect(check([dr, { ...cr, creditCents: 99 }])).toMatchObject({ ok: false, reason: 'unbalanced' })
    expect(check([dr, cr, { ...dr, creditCents: 5, debitCents: 5 }])).toMatchObject({ ok: false, reason: 'two-sided-line' })
    expect(check([dr, { ...cr, account: 'cash_payouts' }])).toMatchObject({ ok: false, reason: 'unknown-account' })
    expect(check([dr, { ...cr, partnerId: undefined }])).toMatchObject({ ok: false, reason: 'missing-dimension' })
    expect(check([{ ...dr, debitCents: -100 }, { ...cr, creditCents: -100 }])).toMatchObject({ ok: false, reason: 'non-positive-amount' })
  })

  it('sums in BigInt where a double would round two large lines into balance', () => {
    const big = Number.MAX_SAFE_INTEGER // 2^53 - 1
    const lines = [
      { ...dr, debitCents: big },
      { ...dr, debitCents: 2 },
      { ...cr, creditCents: big },
      { ...cr, creditCents: 1 },
    ]
    // In doubles both sides are 2^53 + 1 -> 2^53, so they would look equal.
    expect(big + 2 === big + 1).toBe(true)
    expect(validateJournal({ kind: 'pool-funding', memo: 'm', lines })).toMatchObject({ ok: false, reason: 'unbalanced' })
  })
})
