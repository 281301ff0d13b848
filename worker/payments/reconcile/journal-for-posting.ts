import type { ClaimFigures, ClaimRef } from '../ledger/claim-ref'
import { journalForDenialWriteOff } from '../ledger/denial-write-off'
import { journalForFullReimbursement } from '../ledger/full-reimbursement'
import type { JournalResult } from '../ledger/journal'
import { journalForPartialReimbursement, type AdjustmentGroup } from '../ledger/partial-reimbursement'
import type { ClaimPosting } from './plan-posting'

/**
 * The ledger journal an 835 claim payment calls for, from the ledger's own builders: a denial writes
 * the claim off, a payment of the full charge settles it, anything else is a partial reimbursement
 * with its CO/OA/PI/CR adjustments and the patient's share (PR). Not posted yet: `ledger_entries`
 * keeps neither the pool nor the payer of a line, and payouts are recorded there under the
 * pay step's own accounts, so posting these would leave balances that do not agree.
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
