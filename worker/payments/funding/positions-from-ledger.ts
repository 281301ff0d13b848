import { balanceOf } from '../ledger/balances'
import type { LedgerBalances } from '../ledger/balances'
import type { PoolPosition } from './pool-position'
import type { Reservation } from './reservations'

export type PoolSettings = { poolId: string; priority: number; active: boolean }

/** Pool positions from the ledger's cash and the open reservations: the ledger stays the one source of cash. */
export function poolPositions(settings: readonly PoolSettings[], balances: LedgerBalances, reservations: Iterable<Reservation>): PoolPosition[] {
  const reserved = new Map<string, bigint>()
  for (const r of reservations) reserved.set(r.poolId, (reserved.get(r.poolId) ?? 0n) + BigInt(r.amountCents))
  return settings.map((s) => ({
    ...s,
    cashCents: balanceOf(balances, 'funding_pool_cash', { poolId: s.poolId }),
    reservedCents: reserved.get(s.poolId) ?? 0n,
  }))
}
