import { ACCOUNTS } from './accounts'
import type { AccountName, Dimension } from './accounts'
import type { JournalDraft, PostingLine } from './journal'

/** Debits and credits of one account for one combination of dimension ids, in BigInt (never overflows). */
export type BalanceRow = { account: AccountName; dims: Partial<Record<Dimension, string>>; debitCents: bigint; creditCents: bigint }

/** Keyed by account and every dimension id, so any cut (per pool, provider, payer, claim) is a filter and a sum. */
export type LedgerBalances = ReadonlyMap<string, BalanceRow>

const DIMENSIONS: readonly Dimension[] = ['poolId', 'providerId', 'payerId', 'claimId', 'partnerId']

export function balanceKey(account: AccountName, dims: Partial<Record<Dimension, string>>): string {
  return [account, ...DIMENSIONS.map((d) => dims[d] ?? '')].join('|')
}

export function foldBalances(journals: Iterable<Pick<JournalDraft, 'lines'>>, start: LedgerBalances = new Map()): LedgerBalances {
  const rows = new Map<string, BalanceRow>()
  for (const [key, row] of start) rows.set(key, { ...row, dims: { ...row.dims } })
  for (const journal of journals) for (const line of journal.lines) addLine(rows, line)
  return rows
}

function addLine(rows: Map<string, BalanceRow>, line: PostingLine): void {
  const dims = dimsOf(line)
  const key = balanceKey(line.account, dims)
  const row = rows.get(key) ?? { account: line.account, dims, debitCents: 0n, creditCents: 0n }
  row.debitCents += BigInt(line.debitCents)
  row.creditCents += BigInt(line.creditCents)
  rows.set(key, row)
}

function dimsOf(line: PostingLine): Partial<Record<Dimension, string>> {
  const dims: Partial<Record<Dimension, string>> = {}
  for (const d of DIMENSIONS) if (line[d] !== undefined) dims[d] = line[d]
  return dims
}

/**
 * The balance of an account on its normal side (an asset's debit excess, a liability's credit excess),
 * over every row matching the filter: `balanceOf(b, 'funding_pool_cash', { poolId })`.
 */
export function balanceOf(balances: LedgerBalances, account: AccountName, filter: Partial<Record<Dimension, string>> = {}): bigint {
  let total = 0n
  for (const row of balances.values()) {
    if (row.account !== account || !matches(row, filter)) continue
    total += row.debitCents - row.creditCents
  }
  return ACCOUNTS[account].normal === 'debit' ? total : -total
}

/** One account's normal-side balance per id of a dimension: per provider, per payer, per pool. */
export function balancesBy(balances: LedgerBalances, account: AccountName, dimension: Dimension): Map<string, bigint> {
  const sign = ACCOUNTS[account].normal === 'debit' ? 1n : -1n
  const out = new Map<string, bigint>()
  for (const row of balances.values()) {
    const id = row.dims[dimension]
    if (row.account !== account || id === undefined) continue
    out.set(id, (out.get(id) ?? 0n) + sign * (row.debitCents - row.creditCents))
  }
  return out
}

/** Sum of all debits and all credits: equal in any ledger built from balanced journals. */
export function trialBalance(balances: LedgerBalances): { debitCents: bigint; creditCents: bigint } {
  let debitCents = 0n
  let creditCents = 0n
  for (const row of balances.values()) {
    debitCents += row.debitCents
    creditCents += row.creditCents
  }
  return { debitCents, creditCents }
}

function matches(row: BalanceRow, filter: Partial<Record<Dimension, string>>): boolean {
  for (const d of DIMENSIONS) if (filter[d] !== undefined && row.dims[d] !== filter[d]) return false
  return true
}
