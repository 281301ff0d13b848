import { firstProblem, nonNegativeCents, positiveCents } from './cents'
import type { ClaimFigures, ClaimRef } from './claim-ref'
import { journalProblem } from './journal'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

export type PayoutInput = ClaimRef &
  ClaimFigures & {
    /**
     * Part of the payout kept back to settle what the provider owes ClaimPay (an agreed recovery on an
     * earlier denied claim): that much less cash leaves the pool and the provider's debit balance clears.
     */
    recoveryOffsetCents?: number
  }

/**
 * Same-day payout. ClaimPay now holds the claim at billed value, pays the provider from the pool, and
 * defers the cut until the payer adjudicates (the cut is earned only if the payer pays):
 *   Dr payer_receivable      (payer, claim, pool)  billed
 *   Cr funding_pool_cash     (pool)                payout - offset
 *   Cr provider_payable      (provider, claim)     offset            (only with a recovery offset)
 *   Cr cut_revenue_deferred  (claim, pool)         billed - payout   (omitted at a 0% cut)
 */
export function journalForPayout(input: PayoutInput): JournalResult {
  const { claimId, providerId, payerId, poolId, billedCents, payoutCents } = input
  const offset = input.recoveryOffsetCents ?? 0
  const checked = firstProblem(positiveCents('billedCents', billedCents), positiveCents('payoutCents', payoutCents), nonNegativeCents('recoveryOffsetCents', offset))
  if (!checked.ok) return checked
  if (payoutCents > billedCents) return journalProblem('payout-exceeds-billed', `payout ${payoutCents} is more than the billed ${billedCents}`)
  if (offset > payoutCents) return journalProblem('offset-exceeds-payout', `recovery offset ${offset} is more than the payout ${payoutCents}`)
  return finishJournal({
    kind: 'payout',
    memo: `same-day payout for claim ${claimId}`,
    claimId,
    lines: [
      debit('payer_receivable', billedCents, { payerId, claimId, poolId }),
      credit('funding_pool_cash', payoutCents - offset, { poolId, claimId }),
      credit('provider_payable', offset, { providerId, claimId }),
      credit('cut_revenue_deferred', billedCents - payoutCents, { claimId, poolId }),
    ],
  })
}
