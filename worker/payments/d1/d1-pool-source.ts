import { and, eq, sql } from 'drizzle-orm'
import { ledgerSchema, openDb, schema } from '../../db'
import type { PoolPosition, PoolSource } from '../funding'

const { ledgerEntries, payouts } = schema
const { fundingPools } = ledgerSchema

/**
 * Pools as the pay step sees them. Cash is the funding_pool_cash balance summed in SQL; reserved is
 * the payouts held against the pool and not yet drawn (requested, not refused by the rail). A payout
 * draws its pool in the commit that marks it sent, which also ends its hold.
 */
export function createD1PoolSource(d1: D1Database): PoolSource {
  const db = openDb(d1)
  return {
    async positions(): Promise<PoolPosition[]> {
      const pools = await db.select().from(fundingPools)
      if (pools.length === 0) return []
      const [cash, held] = await db.batch([
        db
          .select({ poolId: ledgerEntries.poolId, net: sql<number>`coalesce(sum(${ledgerEntries.debitCents}) - sum(${ledgerEntries.creditCents}), 0)` })
          .from(ledgerEntries)
          .where(eq(ledgerEntries.account, 'funding_pool_cash'))
          .groupBy(ledgerEntries.poolId),
        db
          .select({ poolId: payouts.poolId, held: sql<number>`coalesce(sum(${payouts.amountCents}), 0)` })
          .from(payouts)
          .where(and(eq(payouts.status, 'requested'), sql`${payouts.poolId} IS NOT NULL`, sql`coalesce(${payouts.railStatus}, 'requested') <> 'failed'`))
          .groupBy(payouts.poolId),
      ])
      const cashOf = new Map(cash.map((c) => [c.poolId, BigInt(c.net)]))
      const heldOf = new Map(held.map((h) => [h.poolId, BigInt(h.held)]))
      return pools.map((p) => ({ poolId: p.id, priority: p.priority, active: p.active, cashCents: cashOf.get(p.id) ?? 0n, reservedCents: heldOf.get(p.id) ?? 0n }))
    },

    async reserve(payoutId, poolId, amountCents) {
      // One statement, so D1 runs the check and the hold as one: nothing can hold the pool in between.
      const held = await d1
        .prepare(
          `UPDATE payouts SET pool_id = ?1
           WHERE id = ?2 AND status = 'requested' AND pool_id IS NULL
             AND EXISTS (SELECT 1 FROM funding_pools WHERE id = ?1 AND active = 1)
             AND (SELECT coalesce(sum(debit_cents) - sum(credit_cents), 0) FROM ledger_entries WHERE account = 'funding_pool_cash' AND pool_id = ?1)
               - (SELECT coalesce(sum(amount_cents), 0) FROM payouts WHERE pool_id = ?1 AND status = 'requested' AND coalesce(rail_status, 'requested') <> 'failed')
               >= ?3
           RETURNING pool_id`,
        )
        .bind(poolId, payoutId, amountCents)
        .first<{ pool_id: string }>()
      if (held) return true
      const row = await d1.prepare('SELECT pool_id FROM payouts WHERE id = ?').bind(payoutId).first<{ pool_id: string | null }>()
      return row?.pool_id === poolId
    },
  }
}
