/** A payout computed from impossible figures: a bug upstream, never a provider's mistake. */
export class PayoutInputError extends Error {
  override name = 'PayoutInputError'
}

/** A journal whose debits and credits differ: posting it would corrupt the ledger. */
export class UnbalancedJournalError extends Error {
  override name = 'UnbalancedJournalError'
}
