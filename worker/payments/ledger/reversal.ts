import type { JournalDraft, PostedJournal } from './journal'

/**
 * The ledger is append-only: a correction posts the mirror image of the original (each debit becomes a
 * credit of the same amount on the same account and dimensions) and links it, so both stay visible.
 * Reversing twice is caught by checkLedger, which sees every journal; this function sees one.
 */
export function reverseJournal(original: PostedJournal, reason: string): JournalDraft {
  return {
    kind: 'reversal',
    memo: `reversal of ${original.id} (${original.kind}): ${reason}`,
    ...(original.claimId !== undefined ? { claimId: original.claimId } : {}),
    reversesJournalId: original.id,
    detail: { reason, reversedKind: original.kind },
    lines: original.lines.map((line) => ({ ...line, debitCents: line.creditCents, creditCents: line.debitCents })),
  }
}
