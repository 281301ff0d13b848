import { positiveCents } from './cents'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

export type PatientBalanceInput = { claimId: string; providerId: string; poolId: string; amountCents: number }

/**
 * The provider remits what the patient paid of their share:
 *   Dr funding_pool_cash (pool) / Cr patient_responsibility_receivable (provider, claim, pool)
 */
export function journalForPatientPayment({ claimId, providerId, poolId, amountCents }: PatientBalanceInput): JournalResult {
  const amount = positiveCents('amountCents', amountCents)
  if (!amount.ok) return amount
  return finishJournal({
    kind: 'patient-payment',
    memo: `patient responsibility collected for claim ${claimId}`,
    claimId,
    lines: [debit('funding_pool_cash', amountCents, { poolId, claimId }), credit('patient_responsibility_receivable', amountCents, { providerId, claimId, poolId })],
  })
}

/**
 * A patient balance that will not be collected (after the agreed collection period):
 *   Dr write_offs (claim) / Cr patient_responsibility_receivable (provider, claim, pool)
 */
export function journalForPatientBalanceWriteOff({ claimId, providerId, poolId, amountCents }: PatientBalanceInput): JournalResult {
  const amount = positiveCents('amountCents', amountCents)
  if (!amount.ok) return amount
  return finishJournal({
    kind: 'patient-balance-write-off',
    memo: `patient responsibility written off for claim ${claimId}`,
    claimId,
    lines: [debit('write_offs', amountCents, { claimId, providerId }), credit('patient_responsibility_receivable', amountCents, { providerId, claimId, poolId })],
  })
}
