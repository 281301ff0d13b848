import { firstProblem, positiveCents } from './cents'
import type { ClaimFigures, ClaimRef } from './claim-ref'
import { journalProblem } from './journal'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

/**
 * The payer denied the claim for good (appeals exhausted or not worth it). The receivable goes; what
 * was paid out is a loss, and the deferred cut was never earned, so it is reversed rather than booked
 * as revenue and then written off:
 *   Dr losses                (claim)               payout
 *   Dr cut_revenue_deferred  (claim, pool)         cut
 *   Cr payer_receivable      (payer, claim, pool)  billed
 */
export function journalForDenialWriteOff(input: ClaimRef & ClaimFigures & { reasonCodes?: readonly string[] }): JournalResult {
  const { claimId, providerId, payerId, poolId, billedCents, payoutCents } = input
  const checked = firstProblem(positiveCents('billedCents', billedCents), positiveCents('payoutCents', payoutCents))
  if (!checked.ok) return checked
  if (payoutCents > billedCents) return journalProblem('payout-exceeds-billed', `payout ${payoutCents} is more than the billed ${billedCents}`)
  return finishJournal({
    kind: 'denial-write-off',
    memo: `claim ${claimId} denied by payer ${payerId}: written off`,
    claimId,
    ...(input.reasonCodes ? { detail: { reasonCodes: [...input.reasonCodes] } } : {}),
    lines: [
      debit('losses', payoutCents, { claimId, providerId, payerId }),
      debit('cut_revenue_deferred', billedCents - payoutCents, { claimId, poolId }),
      credit('payer_receivable', billedCents, { payerId, claimId, poolId }),
    ],
  })
}
