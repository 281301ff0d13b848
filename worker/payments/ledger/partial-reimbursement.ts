import { firstProblem, nonNegativeCents, positiveCents, sumCents } from './cents'
import type { ClaimFigures, ClaimRef } from './claim-ref'
import { journalProblem } from './journal'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

/** X12 claim adjustment group codes other than PR: billed value nobody will pay (PR is passed separately). */
export type AdjustmentGroup = 'CO' | 'OA' | 'PI' | 'CR'

export type Adjustment = { group: AdjustmentGroup; cents: number; reasonCode?: string }

export type PartialReimbursementInput = ClaimRef &
  ClaimFigures & {
    paidCents: number
    adjustments: readonly Adjustment[]
    /** Group PR in the 835: deductible, coinsurance, copay, which the patient owes. */
    patientResponsibilityCents: number
  }

/**
 * The payer pays less than billed. billed = paid + adjustments + patient responsibility, or the 835
 * does not describe this claim and nothing is posted.
 *   Dr funding_pool_cash                  (pool)                    paid
 *   Dr patient_responsibility_receivable  (provider, claim, pool)   PR
 *   Dr write_offs                         (claim)                   CO + OA + PI + CR
 *   Cr payer_receivable                   (payer, claim, pool)      billed
 *   Dr cut_revenue_deferred               (claim, pool)             cut
 *   Cr cut_revenue                        (claim)                   cut
 *
 * Why gross: the cut is the fee for advancing a valid claim and the payer has accepted the claim, so
 * it is earned in full; the contractual shortfall is a separate expense so admins see how much billed
 * value each payer's contract erases (which is what the cut policy must price). A denial is different:
 * the claim was worth nothing, so there the cut is reversed instead (see denial-write-off.ts).
 * PR stays a receivable of ClaimPay's (tagged with the provider who collects it from the patient and
 * the pool it repays) until the provider remits it or it is written off.
 */
export function journalForPartialReimbursement(input: PartialReimbursementInput): JournalResult {
  const { claimId, providerId, payerId, poolId, billedCents, payoutCents, paidCents, adjustments, patientResponsibilityCents } = input
  const checked = firstProblem(
    positiveCents('billedCents', billedCents),
    positiveCents('payoutCents', payoutCents),
    nonNegativeCents('paidCents', paidCents),
    nonNegativeCents('patientResponsibilityCents', patientResponsibilityCents),
    ...adjustments.map((a, i) => positiveCents(`adjustments[${i}].cents`, a.cents)),
  )
  if (!checked.ok) return checked
  if (payoutCents > billedCents) return journalProblem('payout-exceeds-billed', `payout ${payoutCents} is more than the billed ${billedCents}`)
  if (paidCents > billedCents) return journalProblem('paid-exceeds-billed', `paid ${paidCents} is more than the billed ${billedCents}`)
  const adjusted = sumCents(adjustments.map((a) => a.cents))
  const accounted = BigInt(paidCents) + adjusted + BigInt(patientResponsibilityCents)
  if (accounted !== BigInt(billedCents)) {
    return journalProblem('amounts-do-not-add-up', `paid + adjustments + patient responsibility is ${accounted}, billed is ${billedCents}`)
  }
  const cut = billedCents - payoutCents
  return finishJournal({
    kind: 'reimbursement-partial',
    memo: `payer ${payerId} paid claim ${claimId} in part`,
    claimId,
    detail: { paidCents, patientResponsibilityCents, adjustments: adjustments.map((a) => ({ ...a })) },
    lines: [
      debit('funding_pool_cash', paidCents, { poolId, claimId }),
      debit('patient_responsibility_receivable', patientResponsibilityCents, { providerId, claimId, poolId }),
      // Fits a safe integer: it is at most billed, which is one.
      debit('write_offs', Number(adjusted), { claimId, payerId }),
      credit('payer_receivable', billedCents, { payerId, claimId, poolId }),
      debit('cut_revenue_deferred', cut, { claimId, poolId }),
      credit('cut_revenue', cut, { claimId, providerId }),
    ],
  })
}
