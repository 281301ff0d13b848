import { PayoutInputError } from './payment-errors'

export const BPS_PER_WHOLE = 10_000

/**
 * What the provider receives today: floor(billed x (10000 - cut) / 10000), rounding in ClaimPay's
 * favour by under a cent. The product is taken in BigInt: billed x 10000 passes 2^53 (and silently
 * loses cents in a double) once billed passes about $9 billion, which portfolio and batch totals can.
 */
export function computePayout(billedCents: number, cutBps: number): number {
  if (!Number.isSafeInteger(billedCents) || billedCents < 0) {
    throw new PayoutInputError(`billed amount must be a non-negative whole number of cents, got ${billedCents}`)
  }
  if (!Number.isInteger(cutBps) || cutBps < 0 || cutBps > BPS_PER_WHOLE) {
    throw new PayoutInputError(`cut must be whole basis points from 0 to ${BPS_PER_WHOLE}, got ${cutBps}`)
  }
  return Number((BigInt(billedCents) * BigInt(BPS_PER_WHOLE - cutBps)) / BigInt(BPS_PER_WHOLE))
}
