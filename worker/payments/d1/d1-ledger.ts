import { and, eq, inArray, sql } from 'drizzle-orm'
import { chunk, PARAMS_PER_STATEMENT } from '../../claims'
import { ledgerSchema, openDb, schema } from '../../db'
import type { PoolPosition, PoolSource } from '../funding'
import type { JournalKind, PostedJournal, PostingLine } from '../ledger'

const { ledgerEntries } = schema
const { fundingPools } = ledgerSchema

type EntryRow = typeof ledgerEntries.$inferSelect

/** Rows back into lines: '' in provider_id is a line no provider owns (the column cannot be null). */
function lineOf(row: EntryRow): PostingLine {
  return {
    account: row.account as PostingLine['account'],
    debitCents: row.debitCents,
    creditCents: row.creditCents,
    ...(row.poolId !== null ? { poolId: row.poolId } : {}),
    ...(row.providerId !== '' ? { providerId: row.providerId } : {}),
    ...(row.payerId !== null ? { payerId: row.payerId } : {}),
    ...(row.claimId !== null ? { claimId: row.claimId } : {}),
    ...(row.partnerId !== null ? { partnerId: row.partnerId } : {}),
  }
}

/** Every posted journal, rebuilt from its lines in posting order (for balances and the ledger audit). */
export async function readJournals(d1: D1Database): Promise<PostedJournal[]> {
  const rows = await openDb(d1).select().from(ledgerEntries).orderBy(ledgerEntries.at, ledgerEntries.id)
  const journals = new Map<string, PostedJournal>()
  for (const row of rows) {
    let journal = journals.get(row.journalId)
    if (!journal) {
      journal = {
        id: row.journalId,
        postedAt: row.at,
        // 'legacy' rows predate the chart of accounts: checkLedger reports their unknown accounts.
        kind: row.journalKind as JournalKind,
        memo: row.memo,
        lines: [],
        ...(row.claimId !== null ? { claimId: row.claimId } : {}),
        ...(row.reversesJournalId !== null ? { reversesJournalId: row.reversesJournalId } : {}),
      }
      journals.set(row.journalId, journal)
    }
    journal.lines.push(lineOf(row))
  }
  return [...journals.values()]
}

/**
 * Pools and their cash as the pay step sees them. Cash is the funding_pool_cash balance summed in
 * SQL (a pool's whole history, one row per pool). Nothing is reserved: a payout draws its pool in the
 * same commit that records it, and the payout row does not yet name the pool it was chosen from.
 */
export function createD1PoolSource(d1: D1Database): PoolSource {
  const db = openDb(d1)
  return {
    async positions(): Promise<PoolPosition[]> {
      const pools = await db.select().from(fundingPools)
      if (pools.length === 0) return []
      const cash = await db
        .select({ poolId: ledgerEntries.poolId, net: sql<number>`coalesce(sum(${ledgerEntries.debitCents}) - sum(${ledgerEntries.creditCents}), 0)` })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.account, 'funding_pool_cash'))
        .groupBy(ledgerEntries.poolId)
      const cashOf = new Map(cash.map((c) => [c.poolId, BigInt(c.net)]))
      return pools.map((p) => ({ poolId: p.id, priority: p.priority, active: p.active, cashCents: cashOf.get(p.id) ?? 0n, reservedCents: 0n }))
    },
  }
}

/** The pool each claim's payout drew on (its payer_receivable line): later journals for the claim go to the same pool. */
export async function payoutPoolsOf(d1: D1Database, claimIds: string[]): Promise<Map<string, string>> {
  const db = openDb(d1)
  const ids = [...new Set(claimIds)]
  const rows = (
    await Promise.all(
      chunk(ids, PARAMS_PER_STATEMENT).map((part) =>
        db
          .select({ claimId: ledgerEntries.claimId, poolId: ledgerEntries.poolId })
          .from(ledgerEntries)
          .where(and(inArray(ledgerEntries.claimId, part), eq(ledgerEntries.journalKind, 'payout'), eq(ledgerEntries.account, 'payer_receivable'))),
      ),
    )
  ).flat()
  const pools = new Map<string, string>()
  for (const r of rows) if (r.claimId !== null && r.poolId !== null) pools.set(r.claimId, r.poolId)
  return pools
}
