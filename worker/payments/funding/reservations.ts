import { choosePool } from './choose-pool'
import type { PoolChoice } from './choose-pool'
import { availableCents } from './pool-position'
import type { PoolPosition } from './pool-position'

/** Funds set aside for one payout, keyed by the claim, from the moment it is chosen until it is sent or given up. */
export type Reservation = { reservationId: string; poolId: string; amountCents: number }

export type FundingBook = { pools: ReadonlyMap<string, PoolPosition>; reservations: ReadonlyMap<string, Reservation> }

export type ReserveResult =
  | { ok: true; book: FundingBook; reservation: Reservation; replayed: boolean }
  | Exclude<PoolChoice, { ok: true }>
  | { ok: false; reason: 'reservation-conflict'; message: string }

export function fundingBook(pools: readonly PoolPosition[], reservations: readonly Reservation[] = []): FundingBook {
  return { pools: new Map(pools.map((p) => [p.poolId, p])), reservations: new Map(reservations.map((r) => [r.reservationId, r])) }
}

/**
 * Chooses a pool and sets the amount aside. Idempotent by reservation id: a redelivered message gets
 * its first reservation back rather than a second one (which would hold the money twice).
 */
export function reserveFunds(book: FundingBook, request: { reservationId: string; amountCents: number }): ReserveResult {
  const existing = book.reservations.get(request.reservationId)
  if (existing) {
    if (existing.amountCents !== request.amountCents) {
      return { ok: false, reason: 'reservation-conflict', message: `reservation ${request.reservationId} exists for ${existing.amountCents}, not ${request.amountCents}` }
    }
    return { ok: true, book, reservation: existing, replayed: true }
  }
  const choice = choosePool([...book.pools.values()], request.amountCents)
  if (!choice.ok) return choice
  const reservation = { reservationId: request.reservationId, poolId: choice.poolId, amountCents: request.amountCents }
  const held = holdFunds(book.pools.get(choice.poolId)!, request.amountCents)
  if (!held.ok) return { ok: false, reason: 'no-pool-with-funds', neededCents: request.amountCents, largestAvailableCents: 0n }
  return { ok: true, book: withPool(book, held.pool, (r) => r.set(reservation.reservationId, reservation)), reservation, replayed: false }
}

/**
 * The guarded write at commit: reserve only if the pool still has the funds *now*. Two workers that
 * chose the same pool from the same snapshot both reach this; the second finds the funds gone and must
 * choose again (in D1: `UPDATE ... SET reserved = reserved + ? WHERE id = ? AND cash - reserved >= ?`,
 * and zero rows changed means the same).
 */
export function holdFunds(pool: PoolPosition, amountCents: number): { ok: true; pool: PoolPosition } | { ok: false; reason: 'insufficient-funds' } {
  if (!pool.active || availableCents(pool) < BigInt(amountCents)) return { ok: false, reason: 'insufficient-funds' }
  return { ok: true, pool: { ...pool, reservedCents: pool.reservedCents + BigInt(amountCents) } }
}

/** The payout will not be sent (refused, cancelled): the funds are free again. Releasing twice changes nothing. */
export function releaseReservation(book: FundingBook, reservationId: string): FundingBook {
  const r = book.reservations.get(reservationId)
  if (!r) return book
  const pool = book.pools.get(r.poolId)!
  return withPool(book, { ...pool, reservedCents: pool.reservedCents - BigInt(r.amountCents) }, (m) => m.delete(reservationId))
}

/**
 * The payout was sent: the reservation becomes a draw on the pool's cash (the ledger's payout journal
 * credits funding_pool_cash by the same amount). Settling twice changes nothing.
 */
export function settleReservation(book: FundingBook, reservationId: string): FundingBook {
  const r = book.reservations.get(reservationId)
  if (!r) return book
  const pool = book.pools.get(r.poolId)!
  const amount = BigInt(r.amountCents)
  return withPool(book, { ...pool, cashCents: pool.cashCents - amount, reservedCents: pool.reservedCents - amount }, (m) => m.delete(reservationId))
}

function withPool(book: FundingBook, pool: PoolPosition, change: (reservations: Map<string, Reservation>) => void): FundingBook {
  const pools = new Map(book.pools).set(pool.poolId, pool)
  const reservations = new Map(book.reservations)
  change(reservations)
  return { pools, reservations }
}
