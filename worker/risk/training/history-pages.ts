import { and, asc, count, getTableColumns, lte, sql } from 'drizzle-orm'
import { openDb, schema } from '../../db'
import type { HistoryClaim } from '../features'
import { historyClaimOf } from '../store/history-claim'

const { claimHistory } = schema

/** A position in claim_history in one of its two orders: the date, then rowid to break ties. */
export type HistoryCursor = { date: string; rowid: number }

export type HistoryPage = { claims: (HistoryClaim & { rowid: number })[]; next: HistoryCursor | null }

/**
 * claim_history read in pages in submission order (claims to featurise) and in adjudication order
 * (outcomes to learn), never more than a page in memory. Only outcomes known by `asOf` count:
 * a backfill decides outcomes whose adjudication date is still in the future.
 */
export function historyPages(d1: D1Database, asOf: string) {
  const db = openDb(d1)
  const known = lte(claimHistory.adjudicatedDate, asOf)
  const read = async (order: 'submitted' | 'adjudicated', after: HistoryCursor | null, limit: number, inclusive = false): Promise<HistoryPage> => {
    const column = order === 'submitted' ? claimHistory.submittedDate : claimHistory.adjudicatedDate
    const position = after === null ? undefined : inclusive ? sql`(${column}, rowid) >= (${after.date}, ${after.rowid})` : sql`(${column}, rowid) > (${after.date}, ${after.rowid})`
    const rows = await db
      .select({ rowid: sql<number>`rowid`, ...getTableColumns(claimHistory) })
      .from(claimHistory)
      .where(and(known, position))
      .orderBy(asc(column), sql`rowid`)
      .limit(limit)
    const claims = rows.map((r) => ({ ...historyClaimOf(r), rowid: r.rowid }))
    const last = rows.at(-1)
    return { claims, next: rows.length === limit && last ? { date: order === 'submitted' ? last.submittedDate : last.adjudicatedDate, rowid: last.rowid } : null }
  }
  return {
    async count(): Promise<number> {
      return (await db.select({ n: count() }).from(claimHistory).where(known).get())?.n ?? 0
    },
    /** Where submission order reaches row `offset`: training keeps the newest claims when capped. */
    async submittedAt(offset: number): Promise<HistoryCursor | null> {
      const row = await db.select({ rowid: sql<number>`rowid`, date: claimHistory.submittedDate }).from(claimHistory).where(known).orderBy(asc(claimHistory.submittedDate), sql`rowid`).limit(1).offset(offset).get()
      return row ? { date: row.date, rowid: row.rowid } : null
    },
    submitted: (after: HistoryCursor | null, limit: number, inclusive = false) => read('submitted', after, limit, inclusive),
    adjudicated: (after: HistoryCursor | null, limit: number) => read('adjudicated', after, limit),
  }
}
