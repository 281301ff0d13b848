import type { ApiContext } from '../context'
import type { PayoutRecord } from '../store'

/** Stripe's wording for the failure codes its test bank numbers produce. */
const FAILURE_MESSAGES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account.',
  invalid_currency: 'The bank was unable to process this payout because of its currency.',
  could_not_process: 'The bank could not process this payout.',
}

/**
 * The bank's answer to a pending payout: paid, or failed with the funds back on the connected account's
 * balance (Stripe records that as the failure balance transaction). Anything not pending is left alone.
 */
export function settlePayout(ctx: ApiContext, record: PayoutRecord, forcedFailure?: string): boolean {
  const payout = record.payout
  if (payout.status !== 'pending') return false
  const failure = forcedFailure ?? record.failWith
  if (failure) {
    payout.status = 'failed'
    payout.failure_code = failure
    payout.failure_message = FAILURE_MESSAGES[failure] ?? 'The payout could not be completed.'
    payout.failure_balance_transaction = ctx.ids.next('txn')
    const account = ctx.store.accounts.get(record.account)
    if (account) account.available += payout.amount
    ctx.events.emit('payout.failed', payout, record.account, null)
  } else {
    payout.status = 'paid'
    ctx.events.emit('payout.paid', payout, record.account, null)
  }
  return true
}

/** Settles every pending payout whose arrival date has come by the server's clock. */
export function settleDuePayouts(ctx: ApiContext): PayoutRecord[] {
  const now = ctx.clock.now()
  const settled: PayoutRecord[] = []
  for (const record of ctx.store.payouts.values()) {
    if (record.payout.status === 'pending' && record.payout.arrival_date <= now && settlePayout(ctx, record)) settled.push(record)
  }
  return settled
}
