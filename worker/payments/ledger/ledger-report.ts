import { ACCOUNT_NAMES } from './accounts'
import type { AccountName, Dimension } from './accounts'
import { balanceOf, balancesBy, foldBalances, trialBalance } from './balances'
import { checkLedger } from './check-ledger'
import type { PostedJournal } from './journal'
import { poolSummary } from './pool-summary'

/**
 * Amounts are decimal strings of integer cents: sums over a whole ledger are BigInt, and JSON numbers
 * past 2^53 would round silently.
 */
type Cents = string

export type LedgerReport = {
  journalCount: number
  trialBalance: { debitCents: Cents; creditCents: Cents }
  /** Each account's balance on its normal side (an asset's debits less credits, a liability's the reverse). */
  accounts: { account: AccountName; balanceCents: Cents }[]
  /** The same balances per pool, payer, provider and partner (only ids the account's lines carry). */
  byDimension: Record<'poolId' | 'payerId' | 'providerId' | 'partnerId', { account: AccountName; id: string; balanceCents: Cents }[]>
  pools: { poolId: string; cashCents: Cents; exposureCents: Cents }[]
  /** What checkLedger finds wrong; empty in a healthy ledger. */
  problems: Record<string, unknown>[]
}

const REPORTED: readonly Exclude<Dimension, 'claimId'>[] = ['poolId', 'payerId', 'providerId', 'partnerId']

/** The admin view of the whole ledger, folded from its journals (never from stored totals). */
export function ledgerReport(journals: readonly PostedJournal[]): LedgerReport {
  const balances = foldBalances(journals)
  const trial = trialBalance(balances)
  const check = checkLedger(journals)
  const byDimension = Object.fromEntries(
    REPORTED.map((d) => [d, ACCOUNT_NAMES.flatMap((account) => [...balancesBy(balances, account, d)].map(([id, cents]) => ({ account, id, balanceCents: cents.toString() })))]),
  ) as LedgerReport['byDimension']
  const poolIds = [...balancesBy(balances, 'funding_pool_cash', 'poolId').keys(), ...balancesBy(balances, 'payer_receivable', 'poolId').keys()]
  return {
    journalCount: journals.length,
    trialBalance: { debitCents: trial.debitCents.toString(), creditCents: trial.creditCents.toString() },
    accounts: ACCOUNT_NAMES.map((account) => ({ account, balanceCents: balanceOf(balances, account).toString() })),
    byDimension,
    pools: [...new Set(poolIds)].sort().map((poolId) => {
      const s = poolSummary(balances, poolId)
      return { poolId, cashCents: s.cashCents.toString(), exposureCents: s.exposureCents.toString() }
    }),
    problems: check.ok ? [] : check.problems.map((p) => JSON.parse(JSON.stringify(p, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>),
  }
}
