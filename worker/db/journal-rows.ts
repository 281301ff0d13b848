import { newId } from '../ids'
import type { schema } from './index'

type LedgerRow = typeof schema.ledgerEntries.$inferInsert

/** What a journal needs to be written: the ledger's JournalDraft, or the claim store's looser copy of it. */
type WritableJournal = {
  kind: string
  memo: string
  claimId?: string
  reversesJournalId?: string
  lines: { account: string; debitCents: number; creditCents: number; poolId?: string; providerId?: string; payerId?: string; claimId?: string; partnerId?: string }[]
}

/**
 * A balanced journal as ledger_entries rows, one per line, under one journal id. Line ids are fresh, or
 * derived from the journal id when it is itself derived (`stableLines`): a second post of the same
 * journal then fails on its primary keys instead of posting twice.
 */
export function journalRows(journal: WritableJournal, journalId: string, at: string, claimId?: string, stableLines = false): LedgerRow[] {
  return journal.lines.map((line, i) => ({
    id: stableLines ? `${journalId}_${i}` : newId('led'),
    journalId,
    // provider_id cannot be null (see the schema): lines no provider owns store ''.
    providerId: line.providerId ?? '',
    claimId: line.claimId ?? claimId ?? journal.claimId ?? null,
    account: line.account,
    debitCents: line.debitCents,
    creditCents: line.creditCents,
    memo: journal.memo,
    at,
    poolId: line.poolId ?? null,
    payerId: line.payerId ?? null,
    partnerId: line.partnerId ?? null,
    journalKind: journal.kind,
    reversesJournalId: journal.reversesJournalId ?? null,
  }))
}
