import type { BatchItem } from 'drizzle-orm/batch'
import { and, eq } from 'drizzle-orm'
import { openDb, schema } from '../../db'
import { auditInsert } from '../../identity'
import { stableId } from '../../ids'
import { journalRows } from '../../db/journal-rows'
import { journalForPoolFunding } from '../ledger'

const { ledgerEntries } = schema

export type DepositRequest = { poolId: string; partnerId: string; amountCents: number; idempotencyKey: string; actor: string; at: Date }

export type PostedDeposit = { journalId: string; poolId: string; partnerId: string; amountCents: number; postedAt: string; idempotencyKey: string }

export type DepositOutcome =
  | { ok: true; deposit: PostedDeposit; replayed: boolean }
  /** The key was used for another pool or amount: posting it would be a second, different deposit under one key. */
  | { ok: false; reason: 'idempotency-key-reused'; message: string }
  | { ok: false; reason: 'invalid-deposit'; message: string }

/**
 * Ids derived from the key alone (time part fixed): a second post of the same key writes rows with the
 * same primary keys, and the batch fails whole instead of doubling the deposit.
 */
const journalIdFor = (key: string) => stableId('jnl', 0, `pool-deposit:${key}`)

async function postedUnder(d1: D1Database, journalId: string, idempotencyKey: string): Promise<PostedDeposit | null> {
  const [row] = await openDb(d1)
    .select({ poolId: ledgerEntries.poolId, partnerId: ledgerEntries.partnerId, amountCents: ledgerEntries.creditCents, at: ledgerEntries.at })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.journalId, journalId), eq(ledgerEntries.account, 'partner_capital')))
    .limit(1)
  if (!row || row.poolId === null || row.partnerId === null) return null
  return { journalId, poolId: row.poolId, partnerId: row.partnerId, amountCents: row.amountCents, postedAt: row.at, idempotencyKey }
}

function sameDeposit(posted: PostedDeposit, request: DepositRequest): DepositOutcome {
  if (posted.poolId === request.poolId && posted.amountCents === request.amountCents) return { ok: true, deposit: posted, replayed: true }
  return { ok: false, reason: 'idempotency-key-reused', message: `This idempotency key already posted a deposit of ${posted.amountCents} cents to pool ${posted.poolId}.` }
}

/**
 * A partner's deposit into a pool: the ledger's pool-funding journal (Dr funding_pool_cash, Cr
 * partner_capital) and its audit row, in one batch. Posting the same key again posts nothing and
 * answers with the first deposit.
 */
export async function recordDeposit(d1: D1Database, request: DepositRequest): Promise<DepositOutcome> {
  const journalId = await journalIdFor(request.idempotencyKey)
  const earlier = await postedUnder(d1, journalId, request.idempotencyKey)
  if (earlier) return sameDeposit(earlier, request)

  const built = journalForPoolFunding({ partnerId: request.partnerId, poolId: request.poolId, amountCents: request.amountCents })
  if (!built.ok) return { ok: false, reason: 'invalid-deposit', message: built.message }
  const { journal } = built
  const db = openDb(d1)
  const at = request.at.toISOString()
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db.insert(ledgerEntries).values(journalRows(journal, journalId, at, undefined, true)),
    auditInsert(
      db,
      { actor: request.actor, action: 'pool.deposit.recorded', subjectType: 'funding-pool', subjectId: request.poolId, detail: { journalId, amountCents: request.amountCents, partnerId: request.partnerId, idempotencyKey: request.idempotencyKey } },
      request.at,
    ),
  ]
  try {
    await db.batch(statements)
  } catch (error) {
    // Two posts of one key at once: the other batch won the primary keys, and this one wrote nothing.
    const winner = await postedUnder(d1, journalId, request.idempotencyKey)
    if (winner) return sameDeposit(winner, request)
    throw error
  }
  return { ok: true, replayed: false, deposit: { journalId, poolId: request.poolId, partnerId: request.partnerId, amountCents: request.amountCents, postedAt: at, idempotencyKey: request.idempotencyKey } }
}
