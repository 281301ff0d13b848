import { and, eq, inArray } from 'drizzle-orm'
import { chunk, PARAMS_PER_STATEMENT } from '../../claims'
import { openDb, schema } from '../../db'
import type { JournalKind, PostedJournal, PostingLine } from '../ledger'

const { ledgerEntries } = schema

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
