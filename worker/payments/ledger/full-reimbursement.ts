import { firstProblem, positiveCents } from './cents'
import type { ClaimFigures, ClaimRef } from './claim-ref'
import { journalProblem } from './journal'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

/**
 * The payer pays the claim as billed: its cash comes into the pool that funded the payout, the
 * receivable clears, and the deferred cut is now earned:
 *   Dr funding_pool_cash     (pool)                billed
 *   Cr payer_receivable      (payer, claim, pool)  billed
 *   Dr cut_revenue_deferred  (claim, pool)         cut
 *   Cr cut_revenue           (claim)               cut
 */
export function journalForFullReimbursement(input: ClaimRef & ClaimFigures): JournalResult {
  const { claimId, providerId, payerId, poolId, billedCents, payoutCents } = input
  const checked = firstProblem(positiveCents('billedCents', billedCents), positiveCents('payoutCents', payoutCents))
  if (!checked.ok) return checked
  if (payoutCents > billedCents) return journalProblem('payout-exceeds-billed', `payout ${payoutCents} is more than the billed ${billedCents}`)
  const cut = billedCents - payoutCents
  return finishJournal({
    kind: 'reimbursement-full',
    memo: `payer ${payerId} paid claim ${claimId} in full`,
    claimId,
    lines: [
      debit('funding_pool_cash', billedCents, { poolId, claimId }),
      credit('payer_receivable', billedCents, { payerId, claimId, poolId }),
      debit('cut_revenue_deferred', cut, { claimId, poolId }),
      credit('cut_revenue', cut, { claimId, providerId }),
    ],
  })
}
