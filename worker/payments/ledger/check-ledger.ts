import { foldBalances } from './balances'
import type { LedgerBalances } from './balances'
import type { JournalProblem, PostedJournal } from './journal'
import { validateJournal } from './validate-journal'

export type LedgerProblem =
  | { kind: 'invalid-journal'; journalId: string; reason: JournalProblem; message: string }
  | { kind: 'duplicate-journal-id'; journalId: string }
  | { kind: 'reverses-unknown-journal'; journalId: string; reversesJournalId: string }
  | { kind: 'reversed-twice'; journalId: string; reversesJournalId: string }
  | { kind: 'reversal-does-not-mirror'; journalId: string; reversesJournalId: string }
  | { kind: 'balance-disagrees'; key: string; expected: { debitCents: bigint; creditCents: bigint }; actual: { debitCents: bigint; creditCents: bigint } }
  | { kind: 'trial-balance-off'; debitCents: bigint; creditCents: bigint }

export type LedgerCheck = { ok: true } | { ok: false; problems: LedgerProblem[] }

/**
 * The audit an admin screen and the fault simulation run: every journal balances, reversals point at a
 * journal that exists, mirror it and are not repeated, and the stored balances (if given) agree with
 * the entries. Returns every problem, not the first: a corrupt ledger needs the full picture.
 */
export function checkLedger(journals: readonly PostedJournal[], storedBalances?: LedgerBalances): LedgerCheck {
  const problems: LedgerProblem[] = []
  const byId = new Map<string, PostedJournal>()
  for (const j of journals) {
    if (byId.has(j.id)) problems.push({ kind: 'duplicate-journal-id', journalId: j.id })
    byId.set(j.id, j)
    const valid = validateJournal(j)
    if (!valid.ok) problems.push({ kind: 'invalid-journal', journalId: j.id, reason: valid.reason, message: valid.message })
  }
  problems.push(...reversalProblems(journals, byId))

  const computed = foldBalances(journals)
  let debitCents = 0n
  let creditCents = 0n
  for (const row of computed.values()) {
    debitCents += row.debitCents
    creditCents += row.creditCents
  }
  if (debitCents !== creditCents) problems.push({ kind: 'trial-balance-off', debitCents, creditCents })
  if (storedBalances) problems.push(...disagreements(computed, storedBalances))
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}

function reversalProblems(journals: readonly PostedJournal[], byId: Map<string, PostedJournal>): LedgerProblem[] {
  const problems: LedgerProblem[] = []
  const reversed = new Set<string>()
  for (const j of journals) {
    const target = j.reversesJournalId
    if (target === undefined) continue
    const original = byId.get(target)
    if (!original) {
      problems.push({ kind: 'reverses-unknown-journal', journalId: j.id, reversesJournalId: target })
      continue
    }
    if (reversed.has(target)) problems.push({ kind: 'reversed-twice', journalId: j.id, reversesJournalId: target })
    reversed.add(target)
    if (!mirrors(j, original)) problems.push({ kind: 'reversal-does-not-mirror', journalId: j.id, reversesJournalId: target })
  }
  return problems
}

function mirrors(reversal: PostedJournal, original: PostedJournal): boolean {
  const net = foldBalances([original, reversal])
  for (const row of net.values()) if (row.debitCents !== row.creditCents) return false
  return reversal.lines.length === original.lines.length
}

function disagreements(computed: LedgerBalances, stored: LedgerBalances): LedgerProblem[] {
  const problems: LedgerProblem[] = []
  const keys = new Set([...computed.keys(), ...stored.keys()])
  for (const key of keys) {
    const a = computed.get(key) ?? { debitCents: 0n, creditCents: 0n }
    const b = stored.get(key) ?? { debitCents: 0n, creditCents: 0n }
    if (a.debitCents !== b.debitCents || a.creditCents !== b.creditCents) {
      problems.push({
        kind: 'balance-disagrees',
        key,
        expected: { debitCents: a.debitCents, creditCents: a.creditCents },
        actual: { debitCents: b.debitCents, creditCents: b.creditCents },
      })
    }
  }
  return problems
}
