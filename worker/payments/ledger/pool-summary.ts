import { balanceOf } from './balances'
import type { LedgerBalances } from './balances'

export type PoolSummary = {
  poolId: string
  cashCents: bigint
  /** Promised to payouts in flight (payout_pending): not yet out of the pool, no longer free to lend. */
  reservedCents: bigint
  availableCents: bigint
  /**
   * Paid out and not yet recovered, at cost: open payer receivables less their deferred cut (what the
   * pool paid for them), plus patient balances still owed after adjudication.
   */
  exposureCents: bigint
}

export function poolSummary(balances: LedgerBalances, poolId: string, reservedCents: bigint = 0n): PoolSummary {
  const cashCents = balanceOf(balances, 'funding_pool_cash', { poolId })
  const exposureCents =
    balanceOf(balances, 'payer_receivable', { poolId }) -
    balanceOf(balances, 'cut_revenue_deferred', { poolId }) +
    balanceOf(balances, 'patient_responsibility_receivable', { poolId })
  return { poolId, cashCents, reservedCents, availableCents: cashCents - reservedCents, exposureCents }
}
