import { describe, expect, it } from 'vitest'
import { PLATFORM_POOL_ID, payoutPool } from './payout-pool'

const pool = (poolId: string, cashCents: bigint, priority = 1, active = true) => ({ poolId, priority, active, cashCents, reservedCents: 0n })

describe('payoutPool', () => {
  it('draws on the platform pool while no pool exists', () => {
    expect(payoutPool([], 10_000)).toEqual({ ok: true, poolId: PLATFORM_POOL_ID })
  })

  it('takes the first pool in draw order that covers the payout', () => {
    expect(payoutPool([pool('pool_b', 50_000n, 2), pool('pool_a', 5_000n, 1)], 10_000)).toEqual({ ok: true, poolId: 'pool_b' })
  })

  it('refuses when pools exist but none has the funds, and does not fall back to the platform', () => {
    expect(payoutPool([pool('pool_a', 5_000n), pool('pool_c', 90_000n, 1, false)], 10_000)).toEqual({ ok: false, reason: 'no-pool-with-funds', neededCents: 10_000, largestAvailableCents: 5_000n })
  })
})
