import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { identitySchema, ledgerSchema, openDb, schema } from '../../db'
import type { Db } from '../../db'
import { auditInsert } from '../../identity'
import { newId } from '../../ids'
import { dailyExposure } from '../funding/exposure-series'
import type { ExposurePoint, FundingPool, PoolInput } from '../funding/pool-contracts'
import { balanceKey, poolSummary } from '../ledger'
import { createD1PoolSource } from './d1-pool-source'
import type { AccountName, BalanceRow, LedgerBalances } from '../ledger'

const { fundingPools } = ledgerSchema
const { ledgerEntries } = schema
const { partners } = identitySchema

type PoolRow = typeof fundingPools.$inferSelect & { partnerName: string | null }

/** Accounts whose debit excess, summed, is a pool's exposure (pool-summary.ts: receivable less deferred cut, plus patient balances). */
const EXPOSURE_ACCOUNTS: AccountName[] = ['payer_receivable', 'cut_revenue_deferred', 'patient_responsibility_receivable']

/**
 * The ids of pools follow the platform pool's `pool_` form; the ULID body keeps them sortable by
 * creation like every other id.
 */
function newPoolId(at: Date): string {
  return `pool_${newId('jnl', at.getTime()).slice('jnl_'.length)}`
}

/** Per pool and account, summed in SQL as text so a total past 2^53 reaches BigInt exactly. */
async function poolBalances(db: Db, poolIds: string[]): Promise<LedgerBalances> {
  const rows: BalanceRow[] = []
  if (poolIds.length === 0) return new Map()
  const sums = await db
    .select({
      poolId: ledgerEntries.poolId,
      account: ledgerEntries.account,
      debit: sql<string>`cast(coalesce(sum(${ledgerEntries.debitCents}), 0) as text)`,
      credit: sql<string>`cast(coalesce(sum(${ledgerEntries.creditCents}), 0) as text)`,
    })
    .from(ledgerEntries)
    .where(poolIds.length <= 50 ? inArray(ledgerEntries.poolId, poolIds) : isNotNull(ledgerEntries.poolId))
    .groupBy(ledgerEntries.poolId, ledgerEntries.account)
  for (const s of sums) {
    if (s.poolId === null) continue
    rows.push({ account: s.account as AccountName, dims: { poolId: s.poolId }, debitCents: BigInt(s.debit), creditCents: BigInt(s.credit) })
  }
  return new Map(rows.map((r) => [balanceKey(r.account, r.dims), r]))
}

/** What payouts in flight hold in each pool, exactly as the pay step counts it when it chooses a pool. */
async function reservedByPool(d1: D1Database): Promise<Map<string, bigint>> {
  const positions = await createD1PoolSource(d1).positions()
  return new Map(positions.map((p) => [p.poolId, p.reservedCents]))
}

function view(row: PoolRow, balances: LedgerBalances, reserved: ReadonlyMap<string, bigint>): FundingPool {
  const s = poolSummary(balances, row.id, reserved.get(row.id) ?? 0n)
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    name: row.name,
    priority: row.priority,
    active: row.active,
    createdAt: row.createdAt,
    cashCents: s.cashCents.toString(),
    reservedCents: s.reservedCents.toString(),
    availableCents: s.availableCents.toString(),
    exposureCents: s.exposureCents.toString(),
  }
}

function poolRows(db: Db) {
  return db
    .select({
      id: fundingPools.id,
      partnerId: fundingPools.partnerId,
      name: fundingPools.name,
      priority: fundingPools.priority,
      active: fundingPools.active,
      createdAt: fundingPools.createdAt,
      partnerName: partners.name,
    })
    .from(fundingPools)
    .leftJoin(partners, eq(partners.id, fundingPools.partnerId))
}

/**
 * Pools with their figures from the ledger, in draw order. `partnerId` narrows to one partner's
 * pools: a partner's portal never sees another's.
 */
export async function listPools(d1: D1Database, filter: { partnerId?: string } = {}): Promise<FundingPool[]> {
  const db = openDb(d1)
  const rows = await poolRows(db)
    .where(filter.partnerId !== undefined ? eq(fundingPools.partnerId, filter.partnerId) : undefined)
    .orderBy(asc(fundingPools.priority), asc(fundingPools.id))
  const [balances, reserved] = await Promise.all([poolBalances(db, rows.map((r) => r.id)), reservedByPool(d1)])
  return rows.map((r) => view(r, balances, reserved))
}

/** One pool, or null when it does not exist or (with `partnerId`) belongs to another partner. */
export async function findPool(d1: D1Database, poolId: string, filter: { partnerId?: string } = {}): Promise<FundingPool | null> {
  const db = openDb(d1)
  const [row] = await poolRows(db)
    .where(and(eq(fundingPools.id, poolId), filter.partnerId !== undefined ? eq(fundingPools.partnerId, filter.partnerId) : undefined))
    .limit(1)
  if (!row) return null
  const [balances, reserved] = await Promise.all([poolBalances(db, [row.id]), reservedByPool(d1)])
  return view(row, balances, reserved)
}

/** The pool's exposure at the end of each of the last `days` days (UTC), from its ledger lines. */
export async function poolExposureSeries(d1: D1Database, poolId: string, today: Date, days: number): Promise<ExposurePoint[]> {
  const day = sql<string>`substr(${ledgerEntries.at}, 1, 10)`
  const rows = await openDb(d1)
    .select({ day, delta: sql<string>`cast(sum(${ledgerEntries.debitCents} - ${ledgerEntries.creditCents}) as text)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.poolId, poolId), inArray(ledgerEntries.account, EXPOSURE_ACCOUNTS)))
    .groupBy(day)
    .orderBy(day)
  return dailyExposure(rows.map((r) => ({ day: r.day, deltaCents: BigInt(r.delta) })), today, days)
}

export type CreatePoolResult = { ok: true; pool: FundingPool } | { ok: false; reason: 'unknown-partner' }

/** A new pool and its audit row in one batch: either both are stored or neither. */
export async function createPool(d1: D1Database, input: Required<PoolInput>, actor: string, at: Date): Promise<CreatePoolResult> {
  const db = openDb(d1)
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).limit(1)
  if (!partner) return { ok: false, reason: 'unknown-partner' }
  const id = newPoolId(at)
  await db.batch([
    db.insert(fundingPools).values({ id, partnerId: input.partnerId, name: input.name, priority: input.priority, active: input.active, createdAt: at.toISOString() }),
    auditInsert(db, { actor, action: 'pool.created', subjectType: 'funding-pool', subjectId: id, detail: { partnerId: input.partnerId, name: input.name, priority: input.priority, active: input.active } }, at),
  ])
  return { ok: true, pool: (await findPool(d1, id))! }
}

export type PoolActiveResult = { ok: true; pool: FundingPool; changed: boolean } | { ok: false; reason: 'not-found' }

/**
 * Pauses or resumes a pool; the change and its audit row go in one batch. Asking for the state the
 * pool is already in writes nothing. Two admins pausing at the same moment both get an audit row:
 * each asked for it.
 */
export async function setPoolActive(d1: D1Database, poolId: string, active: boolean, actor: string, at: Date): Promise<PoolActiveResult> {
  const db = openDb(d1)
  const before = await findPool(d1, poolId)
  if (!before) return { ok: false, reason: 'not-found' }
  if (before.active === active) return { ok: true, pool: before, changed: false }
  await db.batch([
    db.update(fundingPools).set({ active }).where(eq(fundingPools.id, poolId)),
    auditInsert(db, { actor, action: active ? 'pool.resumed' : 'pool.paused', subjectType: 'funding-pool', subjectId: poolId, detail: { partnerId: before.partnerId } }, at),
  ])
  return { ok: true, pool: { ...before, active }, changed: true }
}
