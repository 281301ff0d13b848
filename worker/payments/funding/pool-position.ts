/**
 * A funding pool as the payout step sees it. Cash comes from the ledger (funding_pool_cash); reserved
 * is what payouts in flight have claimed but not yet drawn. BigInt: a pool's cash is a bank's money and
 * can pass 2^53 cents where a double would start to round.
 */
export type PoolPosition = {
  poolId: string
  /** Lower is used first: lets admins drain a partner's pool before the next one's (as their agreements say). */
  priority: number
  /** A paused pool keeps its money and exposure but takes no new payouts. */
  active: boolean
  cashCents: bigint
  reservedCents: bigint
}

export function availableCents(pool: Pick<PoolPosition, 'cashCents' | 'reservedCents'>): bigint {
  return pool.cashCents - pool.reservedCents
}

/** Priority, then id: every worker that sees the same pools picks the same one, so retries are reproducible. */
export function byDrawOrder(a: PoolPosition, b: PoolPosition): number {
  if (a.priority !== b.priority) return a.priority - b.priority
  return a.poolId < b.poolId ? -1 : a.poolId > b.poolId ? 1 : 0
}
