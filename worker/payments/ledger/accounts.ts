/**
 * The chart of accounts: a closed list, so a typo in an account name is a type error and not a new
 * account that silently holds money. Each account names the dimensions its lines must carry, because
 * the balances admins query (per pool, provider, payer, claim) are only as good as the tags on the lines.
 */

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense'

export type Dimension = 'poolId' | 'providerId' | 'payerId' | 'claimId' | 'partnerId'

export type AccountSpec = {
  type: AccountType
  /** Assets and expenses grow with debits; liabilities, equity and income with credits. */
  normal: 'debit' | 'credit'
  required: readonly Dimension[]
}

export const ACCOUNTS = {
  /** Cash a bank partner put into a pool and that payouts draw from; payer and patient money lands here. */
  funding_pool_cash: { type: 'asset', normal: 'debit', required: ['poolId'] },
  /**
   * What ClaimPay owes a provider (a payout that bounced back). A debit balance means the provider owes
   * ClaimPay (a recovery to be netted against its next payout).
   */
  provider_payable: { type: 'liability', normal: 'credit', required: ['providerId'] },
  /** The claim ClaimPay bought, at billed value, until the payer adjudicates it; tagged with the pool that funded it. */
  payer_receivable: { type: 'asset', normal: 'debit', required: ['payerId', 'claimId', 'poolId'] },
  cut_revenue: { type: 'income', normal: 'credit', required: ['claimId'] },
  /** The cut is earned only when the payer adjudicates; until then it is owed back if the claim is denied. */
  cut_revenue_deferred: { type: 'liability', normal: 'credit', required: ['claimId', 'poolId'] },
  /** Contractual adjustments (CO, OA, PI, CR) and uncollectable patient balances: billed value that was never collectable. */
  write_offs: { type: 'expense', normal: 'debit', required: ['claimId'] },
  /** Cash paid out on claims that were denied: money ClaimPay actually lost. */
  losses: { type: 'expense', normal: 'debit', required: ['claimId'] },
  partner_capital: { type: 'equity', normal: 'credit', required: ['partnerId', 'poolId'] },
  /** The patient's share (PR) after adjudication, collected by the provider and remitted. */
  patient_responsibility_receivable: { type: 'asset', normal: 'debit', required: ['providerId', 'claimId', 'poolId'] },
} as const satisfies Record<string, AccountSpec>

export type AccountName = keyof typeof ACCOUNTS

export const ACCOUNT_NAMES = Object.keys(ACCOUNTS) as AccountName[]

export function isAccountName(name: string): name is AccountName {
  return Object.hasOwn(ACCOUNTS, name)
}
