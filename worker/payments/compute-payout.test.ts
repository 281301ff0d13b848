import { describe, expect, it } from 'vitest'
import { computePayout } from './compute-payout'
import { PayoutInputError } from './payment-errors'

describe('computePayout', () => {
  it('takes the cut and rounds down to the cent', () => {
    expect(computePayout(10_000, 500)).toBe(9_500)
    expect(computePayout(12_345, 500)).toBe(11_727) // 11727.75
    expect(computePayout(1, 500)).toBe(0)
    expect(computePayout(12_345, 0)).toBe(12_345)
    expect(computePayout(12_345, 10_000)).toBe(0)
  })

  it('stays exact where a double would not', () => {
    // A double rounds billed x 9500 here and comes out a cent high.
    const billed = 9_007_199_254_740_990
    const exact = (BigInt(billed) * 9_500n) / 10_000n
    expect(computePayout(billed, 500)).toBe(8_556_839_292_003_940)
    expect(BigInt(computePayout(billed, 500))).toBe(exact)
    expect(Math.floor((billed * 9_500) / 10_000)).not.toBe(Number(exact))
  })

  it('refuses impossible inputs', () => {
    expect(() => computePayout(100, -1)).toThrow(PayoutInputError)
    expect(() => computePayout(100, 10_001)).toThrow(PayoutInputError)
    expect(() => computePayout(100, 2.5)).toThrow(PayoutInputError)
    expect(() => computePayout(-1, 500)).toThrow(PayoutInputError)
    expect(() => computePayout(1.5, 500)).toThrow(PayoutInputError)
  })
})
