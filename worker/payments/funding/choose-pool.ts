import { availableCents, byDrawOrder } from './pool-position'
import type { PoolPosition } from './pool-position'

export type PoolChoice =
  | { ok: true; poolId: string }
  /** The claim waits in payout_pending and admins are alerted; the figures say how far off the best pool is. */
  | { ok: false; reason: 'no-pool-with-funds'; neededCents: number; largestAvailableCents: bigint }
  | { ok: false; reason: 'invalid-amount'; message: string }

/** The first active pool in draw order whose available funds cover the whole payout (a payout is never split). */
export function choosePool(pools: readonly PoolPosition[], amountCents: number): PoolChoice {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return { ok: false, reason: 'invalid-amount', message: `payout must be a positive whole number of cents, got ${amountCents}` }
  }
  const needed = BigInt(amountCents)
  let largest = 0n
  for (const pool of [...pools].sort(byDrawOrder)) {
    if (!pool.active) continue
    const available = availableCents(pool)
    if (available >= needed) return { ok: true, poolId: pool.poolId }
    if (available > largest) largest = available
  }
  return { ok: false, reason: 'no-pool-with-funds', neededCents: amountCents, largestAvailableCents: largest }
}
