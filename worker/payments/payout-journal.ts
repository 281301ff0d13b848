import { PayoutInputError, UnbalancedJournalError } from './payment-errors'

export type LedgerAccount = 'claims_receivable' | 'cash_payouts' | 'cut_revenue_deferred'

/** One side of a posting: exactly one of debitCents / creditCents is non-zero. */
export type JournalLine = { account: LedgerAccount; debitCents: number; creditCents: number }

export type Journal = { claimId: string; providerId: string; memo: string; lines: JournalLine[] }

export type PayoutJournalInput = { claimId: string; providerId: string; billedCents: number; payoutCents: number }

/**
 * The entry for a same-day payout: ClaimPay now holds the claim (receivable at the billed value),
 * pays the provider, and defers the cut until the payer reimburses (it is earned only if the payer pays).
 */
export function buildPayoutJournal({ claimId, providerId, billedCents, payoutCents }: PayoutJournalInput): Journal {
  if (!Number.isSafeInteger(billedCents) || billedCents <= 0) {
    throw new PayoutInputError(`billed amount must be a positive whole number of cents, got ${billedCents}`)
  }
  if (!Number.isSafeInteger(payoutCents) || payoutCents < 0 || payoutCents > billedCents) {
    throw new PayoutInputError(`payout must be whole cents between 0 and the billed amount, got ${payoutCents}`)
  }
  const lines: JournalLine[] = [
    { account: 'claims_receivable', debitCents: billedCents, creditCents: 0 },
    { account: 'cash_payouts', debitCents: 0, creditCents: payoutCents },
    { account: 'cut_revenue_deferred', debitCents: 0, creditCents: billedCents - payoutCents },
  ]
  // A zero line says nothing and a ledger row of 0 confuses reconciliation (a 100% or 0% cut).
  const journal = { claimId, providerId, memo: `same-day payout for claim ${claimId}`, lines: lines.filter((l) => l.debitCents + l.creditCents > 0) }
  assertBalanced(journal)
  return journal
}

export function isBalanced(journal: Pick<Journal, 'lines'>): boolean {
  if (journal.lines.length < 2) return false
  let debits = 0n
  let credits = 0n
  for (const { debitCents, creditCents } of journal.lines) {
    if (!Number.isSafeInteger(debitCents) || !Number.isSafeInteger(creditCents)) return false
    if (debitCents < 0 || creditCents < 0) return false
    if ((debitCents === 0) === (creditCents === 0)) return false
    debits += BigInt(debitCents)
    credits += BigInt(creditCents)
  }
  return debits === credits
}

export function assertBalanced(journal: Pick<Journal, 'lines'>): void {
  if (!isBalanced(journal)) throw new UnbalancedJournalError('journal lines do not balance: debits must equal credits, one side per line')
}
