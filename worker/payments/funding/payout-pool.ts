import { choosePool } from './choose-pool'
import type { PoolChoice } from './choose-pool'
import type { PoolPosition } from './pool-position'

/**
 * The pool payouts draw on before any bank partner has funded one: ClaimPay's own money. Its cash
 * goes negative as it pays, which is what paying from the platform's balance means.
 */
export const PLATFORM_POOL_ID = 'pool_platform'

/** Where pool positions come from (D1 in the Worker): no pools at all is an empty list. */
export type PoolSource = {
  /** Cash from the ledger, reserved from the payouts in flight against each pool. */
  positions(): Promise<PoolPosition[]>
  /**
   * Holds `amountCents` of the pool for the payout, only if the pool still has it available now: two
   * payouts that chose the same pool from the same positions both get here, and the second finds the
   * funds held. True when the payout holds the pool (also when it already did).
   */
  reserve(payoutId: string, poolId: string, amountCents: number): Promise<boolean>
}

/**
 * The pool a payout draws on. With no pools set up, the platform pays (as it did before pools
 * existed); once any pool exists, only a pool with funds may pay, and otherwise the claim waits.
 */
export function payoutPool(pools: readonly PoolPosition[], amountCents: number): PoolChoice {
  if (pools.length === 0) return { ok: true, poolId: PLATFORM_POOL_ID }
  return choosePool(pools, amountCents)
}
