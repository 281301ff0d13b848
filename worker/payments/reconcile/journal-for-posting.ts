import type { ClaimFigures, ClaimRef } from '../ledger/claim-ref'
import { journalForDenialWriteOff } from '../ledger/denial-write-off'
import { journalForFullReimbursement } from '../ledger/full-reimbursement'
import type { JournalResult } from '../ledger/journal'
import { journalForPartialReimbursement, type AdjustmentGroup } from '../ledger/partial-reimbursement'
import type { ClaimPosting } from './plan-posting'

/**
 * The ledger journal an 835 claim payment calls for, from the ledger's own builders: a denial writes
 * the claim off, a payment of the full charge settles it, anything else is a partial reimbursement
 * with its CO/OA/PI/CR adjustments and the patient's share (PR).
 */
export function journalForPosting(posting: ClaimPosting, ref: ClaimRef, figures: ClaimFigures): JournalResult {
  const { payment, outcome } = posting
  if (outcome.outcome === 'denied') return journalForDenialWriteOff({ ...ref, ...figures, ...(outcome.carc ? { reasonCodes: [outcome.carc] } : {}) })
  if (payment.paidCents === figures.billedCents) return journalForFullReimbursement({ ...ref, ...figures })
  const adjustments = outcome.adjustments
    .filter((a) => a.group !== 'PR')
    .map((a) => ({ group: a.group as AdjustmentGroup, cents: a.amountCents, reasonCode: a.reason }))
  return journalForPartialReimbursement({ ...ref, ...figures, paidCents: payment.paidCents, adjustments, patientResponsibilityCents: payment.patientResponsibilityCents })
}

/** What posting knows of a claim's payout: the pool is null when no payout journal names one. */
export type PayoutOnFile = { claimId: string; providerId: string; payerId: string; billedCents: number; payoutCents: number | null; poolId: string | null }

export type ClaimJournalResult = JournalResult | { ok: false; reason: 'no-payout-journal'; message: string }

/**
 * The posting journal for a claim as ClaimPay paid it. A claim paid before the ledger carried pools
 * (or never paid) has no payout journal to settle: it is adjudicated but not reconciled, because a
 * settlement without its payout would leave the pool's balances wrong.
 */
export function claimJournalForPosting(posting: ClaimPosting, payout: PayoutOnFile): ClaimJournalResult {
  const { claimId, providerId, payerId, billedCents, payoutCents, poolId } = payout
  if (poolId === null || payoutCents === null) return { ok: false, reason: 'no-payout-journal', message: `claim ${claimId} has no payout journal to settle` }
  return journalForPosting(posting, { claimId, providerId, payerId, poolId }, { billedCents, payoutCents })
}
