/** Who a claim's journals concern: every claim journal tags its lines with these, so balances can be cut any way. */
export type ClaimRef = {
  claimId: string
  providerId: string
  payerId: string
  /** The pool that funded the payout: its cash paid out and its exposure until the claim is settled. */
  poolId: string
}

/**
 * The figures fixed at payout: every later journal for the claim takes them again (rather than reading
 * the ledger) so a builder stays pure; the caller reads them from the payout row.
 */
export type ClaimFigures = { billedCents: number; payoutCents: number }
