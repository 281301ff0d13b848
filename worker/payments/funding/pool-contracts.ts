import { z } from 'zod'

/**
 * The funding-pool API as the Worker and the app both read it. Cents travel as decimal strings: a
 * pool's cash is a bank's money and can pass 2^53 cents, where a JSON number would start to round.
 */
export const Cents = z.string().regex(/^-?\d+$/)

/** Largest single deposit: a typo of a few extra zeros is refused rather than posted (USD 1bn). */
export const MAX_DEPOSIT_CENTS = 100_000_000_000

export const PoolFigures = z.object({
  cashCents: Cents,
  /** Promised to payouts in flight and not yet drawn; zero while payouts draw their pool as they commit. */
  reservedCents: Cents,
  availableCents: Cents,
  /** Paid out and not yet reimbursed, at cost. */
  exposureCents: Cents,
})

export const FundingPool = PoolFigures.extend({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string().nullable(),
  name: z.string(),
  priority: z.int(),
  active: z.boolean(),
  createdAt: z.string(),
})
export type FundingPool = z.infer<typeof FundingPool>

/** Claims parked in payout_pending because no active pool could cover their payout. */
export const WaitingForFunds = z.object({
  claims: z.int(),
  amountCents: Cents,
  largestCents: Cents,
  oldestSince: z.string().nullable(),
})
export type WaitingForFunds = z.infer<typeof WaitingForFunds>

/** The open shortage episode admins were alerted about, if any. */
export const FundingShortage = z.object({ episodeId: z.string(), alertedAt: z.string(), claims: z.int(), neededCents: Cents })
export type FundingShortage = z.infer<typeof FundingShortage>

export const PoolList = z.object({ items: z.array(FundingPool), waiting: WaitingForFunds, shortage: FundingShortage.nullable() })
export type PoolList = z.infer<typeof PoolList>

export const ExposurePoint = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), exposureCents: Cents })
export type ExposurePoint = z.infer<typeof ExposurePoint>

export const PoolDetail = z.object({ pool: FundingPool, exposure: z.array(ExposurePoint) })
export type PoolDetail = z.infer<typeof PoolDetail>

export const PoolInput = z.strictObject({
  partnerId: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1, 'name is required').max(120),
  /** Lower is drawn first. */
  priority: z.int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
})
export type PoolInput = z.input<typeof PoolInput>

/** Letters, digits and `-_.:`: safe to echo, to log and to hash into ledger ids. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'must be 8 to 100 letters, digits or - _ . :')

export const DepositInput = z.strictObject({
  amountCents: z
    .int('amountCents must be a whole number of cents')
    .positive('amountCents must be more than zero')
    .max(MAX_DEPOSIT_CENTS, `amountCents must be at most ${MAX_DEPOSIT_CENTS}`),
  /** The client's id for this deposit; the Idempotency-Key header does the same job. */
  depositId: IdempotencyKey.optional(),
})
export type DepositInput = z.infer<typeof DepositInput>

export const Deposit = z.object({
  journalId: z.string(),
  poolId: z.string(),
  partnerId: z.string(),
  amountCents: Cents,
  postedAt: z.string(),
  idempotencyKey: z.string(),
  /** True when this key was already posted: nothing new was written. */
  replayed: z.boolean(),
  /** Claims waiting for funds sent back to the pay step. */
  redriven: z.int(),
})
export type Deposit = z.infer<typeof Deposit>

export const ExposureQuery = z.object({ days: z.coerce.number().int().min(7).max(366).default(90) })
