import type { AccountName } from './accounts'

/**
 * One side of a posting: exactly one of debitCents / creditCents is positive. The dimension ids sit on
 * the line (not only on the journal) so a balance per pool or payer is a plain group-by over lines.
 */
export type PostingLine = {
  account: AccountName
  debitCents: number
  creditCents: number
  poolId?: string
  providerId?: string
  payerId?: string
  claimId?: string
  partnerId?: string
}

export type JournalKind =
  | 'pool-funding'
  | 'payout'
  | 'reimbursement-full'
  | 'reimbursement-partial'
  | 'patient-payment'
  | 'patient-balance-write-off'
  | 'denial-write-off'
  | 'recovery'
  | 'payout-returned'
  | 'payable-settled'
  | 'reversal'

/** A balanced journal not yet posted: the caller gives it an id and a time when it commits it. */
export type JournalDraft = {
  kind: JournalKind
  memo: string
  lines: PostingLine[]
  claimId?: string
  /** Set on reversals only: the journal whose effect this one cancels. */
  reversesJournalId?: string
  /** Facts behind the figures (adjustment group codes, the agreement clause) for reconciliation screens. */
  detail?: Record<string, unknown>
}

export type PostedJournal = JournalDraft & { id: string; postedAt: string }

export type JournalProblem =
  | 'not-whole-cents'
  | 'non-positive-amount'
  | 'payout-exceeds-billed'
  | 'paid-exceeds-billed'
  | 'amounts-do-not-add-up'
  | 'offset-exceeds-payout'
  | 'recovery-not-allowed'
  | 'recovery-exceeds-loss'
  | 'unknown-account'
  | 'missing-dimension'
  | 'two-sided-line'
  | 'too-few-lines'
  | 'unbalanced'

export type JournalFailure = { ok: false; reason: JournalProblem; message: string }

export type JournalResult = { ok: true; journal: JournalDraft } | JournalFailure

export function journalProblem(reason: JournalProblem, message: string): JournalFailure {
  return { ok: false, reason, message }
}
