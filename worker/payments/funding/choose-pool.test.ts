import { describe, expect, it } from 'vitest'
import { foldBalances } from '../ledger/balances'
import { journalForPoolFunding } from '../ledger/fund-pool'
import { journalForPayout } from '../ledger/payout'
import { choosePool } from './choose-pool'
import type { PoolPosition } from './pool-position'
import { poolPositions } from './positions-from-ledger'

const pool = (poolId: string, priority: number, cash: bigint, reserved = 0n, active = true): PoolPosition => ({ poolId, priority, active, cashCents: cash, reservedCents: reserved })

describe('choosePool', () => {
  it('takes the first pool by priority, then id, that covers the whole payout', () => {
    const pools = [pool('pool_c', 2, 1_000_000n), pool('pool_b', 1, 5_000n), pool('pool_a', 1, 10_000n, 8_000n)]
    expect(choosePool(pools, 2_000)).toEqual({ ok: true, poolId: 'pool_a' })
    expect(choosePool(pools, 2_001)).toEqual({ ok: true, poolId: 'pool_b' })
    expect(choosePool(pools, 5_001)).toEqual({ ok: true, poolId: 'pool_c' })
    // Same pools in another order, same answer.
    expect(choosePool([...pools].reverse(), 2_000)).toEqual({ ok: true, poolId: 'pool_a' })
  })

  it('skips paused pools and says when no pool has the funds', () => {
    const pools = [pool('pool_a', 1, 10_000n, 0n, false), pool('pool_b', 2, 3_000n, 1_000n)]
    expect(choosePool(pools, 2_000)).toEqual({ ok: true, poolId: 'pool_b' })
    expect(choosePool(pools, 2_001)).toEqual({ ok: false, reason: 'no-pool-with-funds', neededCents: 2_001, largestAvailableCents: 2_000n })
    expect(choosePool([], 1)).toMatchObject({ ok: false, reason: 'no-pool-with-funds' })
  })

  it('refuses a zero, negative or fractional amount', () => {
    for (const amount of [0, -1, 1.5]) expect(choosePool([pool('p', 1, 10n)], amount)).toMatchObject({ ok: false, reason: 'invalid-amount' })
  })

  it('reads cash from the ledger and reserved from open reservations', () => {
    const journals = [
      journalForPoolFunding({ partnerId: 'bank_1', poolId: 'pool_a', amountCents: 10_000 }),
      journalForPayout({ claimId: 'c1', providerId: 'p', payerId: 'y', poolId: 'pool_a', billedCents: 4_000, payoutCents: 3_800 }),
    ].flatMap((r) => (r.ok ? [r.journal] : []))
    expect(journals).toHaveLength(2)
    const balances = foldBalances(journals)
    const positions = poolPositions([{ poolId: 'pool_a', priority: 1, active: true }], balances, [{ reservationId: 'c2', poolId: 'pool_a', amountCents: 1_000 }])
    expect(positions).toEqual([{ poolId: 'pool_a', priority: 1, active: true, cashCents: 6_200n, reservedCents: 1_000n }])
    expect(choosePool(positions, 5_200)).toEqual({ ok: true, poolId: 'pool_a' })
    expect(choosePool(positions, 5_201)).toMatchObject({ ok: false, reason: 'no-pool-with-funds' })
  })
})
