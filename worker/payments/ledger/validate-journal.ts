import { ACCOUNTS, isAccountName } from './accounts'
import { journalProblem } from './journal'
import type { JournalDraft, JournalFailure, JournalResult, PostingLine } from './journal'

/**
 * The one gate every journal passes before it may be posted: known accounts, the dimensions each
 * account needs, one positive side per line, and debits equal to credits (summed in BigInt).
 */
export function validateJournal(journal: JournalDraft): JournalResult {
  if (journal.lines.length < 2) return journalProblem('too-few-lines', 'a journal needs at least one debit and one credit line')
  let debits = 0n
  let credits = 0n
  for (const [i, line] of journal.lines.entries()) {
    const problem = lineProblem(line, i)
    if (problem) return problem
    debits += BigInt(line.debitCents)
    credits += BigInt(line.creditCents)
  }
  if (debits !== credits) return journalProblem('unbalanced', `debits ${debits} do not equal credits ${credits}`)
  return { ok: true, journal }
}

function lineProblem(line: PostingLine, i: number): JournalFailure | null {
  if (!isAccountName(line.account)) return journalProblem('unknown-account', `line ${i}: unknown account ${String(line.account)}`)
  const { debitCents, creditCents } = line
  if (!Number.isSafeInteger(debitCents) || !Number.isSafeInteger(creditCents)) {
    return journalProblem('not-whole-cents', `line ${i}: amounts must be whole cents`)
  }
  if (debitCents < 0 || creditCents < 0) return journalProblem('non-positive-amount', `line ${i}: amounts cannot be negative`)
  // A zero line says nothing and a row of 0 confuses reconciliation; a two-sided line hides a netting.
  if ((debitCents === 0) === (creditCents === 0)) return journalProblem('two-sided-line', `line ${i}: exactly one side must be positive`)
  for (const dimension of ACCOUNTS[line.account].required) {
    const value = line[dimension]
    if (typeof value !== 'string' || value === '') {
      return journalProblem('missing-dimension', `line ${i}: ${line.account} needs ${dimension}`)
    }
  }
  return null
}

/** Builders write every line they might need; a line of 0 (no cut, no offset) is dropped before validation. */
export function finishJournal(draft: JournalDraft): JournalResult {
  return validateJournal({ ...draft, lines: draft.lines.filter((l) => !(l.debitCents === 0 && l.creditCents === 0)) })
}

export function debit(account: PostingLine['account'], cents: number, dims: Omit<PostingLine, 'account' | 'debitCents' | 'creditCents'>): PostingLine {
  return { account, debitCents: cents, creditCents: 0, ...dims }
}

export function credit(account: PostingLine['account'], cents: number, dims: Omit<PostingLine, 'account' | 'debitCents' | 'creditCents'>): PostingLine {
  return { account, debitCents: 0, creditCents: cents, ...dims }
}
