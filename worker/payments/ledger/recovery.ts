import { firstProblem, positiveCents } from './cents'
import { journalProblem } from './journal'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

export type RecoveryInput = {
  claimId: string
  providerId: string
  poolId: string
  amountCents: number
  /** The loss booked for this claim at its denial write-off: more than that cannot be recovered. */
  lossCents: number
  /** From the provider's agreement: recourse is a contract term, not something ClaimPay may assume. */
  agreementAllowsRecovery: boolean
  /** 'cash': the provider pays now (e.g. an ACH debit). 'offset': kept back from its next payouts. */
  via: 'cash' | 'offset'
}

/**
 * Recovery of a denied claim's loss from the provider:
 *   cash:   Dr funding_pool_cash (pool)            / Cr losses (claim)
 *   offset: Dr provider_payable  (provider, claim) / Cr losses (claim)
 * An offset leaves the provider owing ClaimPay (a debit balance on provider_payable) until a later
 * payout journal keeps the amount back with recoveryOffsetCents.
 */
export function journalForRecovery(input: RecoveryInput): JournalResult {
  const { claimId, providerId, poolId, amountCents, lossCents, agreementAllowsRecovery, via } = input
  if (!agreementAllowsRecovery) return journalProblem('recovery-not-allowed', `the agreement of provider ${providerId} does not allow recovery`)
  const checked = firstProblem(positiveCents('amountCents', amountCents), positiveCents('lossCents', lossCents))
  if (!checked.ok) return checked
  if (amountCents > lossCents) return journalProblem('recovery-exceeds-loss', `recovery ${amountCents} is more than the loss ${lossCents}`)
  const source = via === 'cash' ? debit('funding_pool_cash', amountCents, { poolId, claimId }) : debit('provider_payable', amountCents, { providerId, claimId })
  return finishJournal({
    kind: 'recovery',
    memo: `recovery from provider ${providerId} for claim ${claimId} (${via})`,
    claimId,
    detail: { via },
    lines: [source, credit('losses', amountCents, { claimId, providerId })],
  })
}
