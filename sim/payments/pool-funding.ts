import type { Random } from '../../worker/generator/prng'
import { recordDeposit } from '../../worker/payments/d1/d1-pool-deposits'
import type { SimWorld } from './sim-world'

/** The bank partners' side: deposits into the run's pools (sometimes sent twice), and what waits for them. */
export class PoolFunding {
  private deposits = 0
  constructor(
    private readonly d1: D1Database,
    private readonly world: SimWorld,
    private readonly replay: { random: Random; chance: number; replayed: () => void } | null,
  ) {}

  private get providers() {
    return this.world.practices.map((p) => p.providerId)
  }

  private inProviders(column: string) {
    return `${column} IN (${this.providers.map(() => '?').join(', ')})`
  }

  async billedCents(): Promise<number> {
    const row = await this.d1.prepare(`SELECT coalesce(sum(billed_cents), 0) AS billed FROM claims WHERE ${this.inProviders('provider_id')}`).bind(...this.providers).first<{ billed: number }>()
    return row?.billed ?? 0
  }

  /** What the payouts waiting for a pool with funds add up to. */
  async waitingCents(): Promise<number> {
    const row = await this.d1
      .prepare(`SELECT coalesce(sum(p.amount_cents), 0) AS waiting FROM payouts p JOIN claims c ON c.id = p.claim_id WHERE c.status = 'payout_pending' AND p.failure_code = 'no-pool-with-funds' AND ${this.inProviders('p.provider_id')}`)
      .bind(...this.providers)
      .first<{ waiting: number }>()
    return row?.waiting ?? 0
  }

  async deposit(poolIndex: number, amountCents: number, at: Date): Promise<void> {
    if (amountCents <= 0) return
    const pool = this.world.pools[poolIndex % this.world.pools.length]!
    const request = { poolId: pool.poolId, partnerId: pool.partnerId, amountCents, idempotencyKey: `${pool.poolId}:deposit:${this.deposits++}`, actor: 'simulation', at }
    const first = await recordDeposit(this.d1, request)
    if (!first.ok) throw new Error(`deposit refused: ${first.reason}`)
    if (this.replay && this.replay.random.chance(this.replay.chance)) {
      this.replay.replayed()
      const again = await recordDeposit(this.d1, request)
      if (!again.ok || !again.replayed) throw new Error('a replayed deposit was posted again')
    }
  }

  async poolCash(): Promise<Record<string, number>> {
    const ids = this.world.pools.map((p) => p.poolId)
    const { results } = await this.d1
      .prepare(`SELECT pool_id, coalesce(sum(debit_cents) - sum(credit_cents), 0) AS cash FROM ledger_entries WHERE account = 'funding_pool_cash' AND pool_id IN (${ids.map(() => '?').join(', ')}) GROUP BY pool_id`)
      .bind(...ids)
      .all<{ pool_id: string; cash: number }>()
    return Object.fromEntries(results.map((r) => [r.pool_id, r.cash]))
  }
}
