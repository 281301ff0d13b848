import { positiveCents } from './cents'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

export type PayoutReturnInput = { claimId: string; providerId: string; poolId: string; amountCents: number }

/**
 * A payout bounced (payout.failed, then the transfer reversed back to the platform): the cash is back
 * in the pool but ClaimPay still holds the claim and still owes the provider:
 *   Dr funding_pool_cash (pool) / Cr provider_payable (provider, claim)
 */
export function journalForPayoutReturned({ claimId, providerId, poolId, amountCents }: PayoutReturnInput): JournalResult {
  const amount = positiveCents('amountCents', amountCents)
  if (!amount.ok) return amount
  return finishJournal({
    kind: 'payout-returned',
    memo: `payout for claim ${claimId} returned`,
    claimId,
    lines: [debit('funding_pool_cash', amountCents, { poolId, claimId }), credit('provider_payable', amountCents, { providerId, claimId })],
  })
}

/**
 * The amount owed after a return is paid again (to the corrected bank account):
 *   Dr provider_payable (provider, claim) / Cr funding_pool_cash (pool)
 */
export function journalForPayableSettled({ claimId, providerId, poolId, amountCents }: PayoutReturnInput): JournalResult {
  const amount = positiveCents('amountCents', amountCents)
  if (!amount.ok) return amount
  return finishJournal({
    kind: 'payable-settled',
    memo: `amount owed to provider ${providerId} for claim ${claimId} paid again`,
    claimId,
    lines: [debit('provider_payable', amountCents, { providerId, claimId }), credit('funding_pool_cash', amountCents, { poolId, claimId })],
  })
}
