/**
 * Plain words for why a payout failed or waits, for the provider and for admins. Keyed by the rail's
 * refusal reasons and by the failure codes banks return through Stripe; the Stripe error text itself
 * is never shown (it can echo what was sent).
 */
const MESSAGES: Record<string, string> = {
  'provider-not-onboarded': 'No bank account is ready for payouts. Add one under Settings > Payouts; the payout is sent as soon as it is connected.',
  'bank-account-invalid': 'Stripe refused the bank account. Check the routing and account numbers under Settings > Payouts.',
  'connected-account-missing': 'The payout account is unknown to Stripe. ClaimPay support has been told.',
  'account-cannot-receive-transfers': 'The payout account cannot receive transfers yet. ClaimPay support has been told.',
  'balance-insufficient': 'ClaimPay could not fund this payout right now. Support has been told; nothing is needed from you.',
  'stripe-credentials': 'ClaimPay could not reach its payout provider. Support has been told; nothing is needed from you.',
  'transfer-mismatch': 'An earlier payout attempt for this claim does not match it. ClaimPay support is checking it.',
  'transfer-reversed': 'An earlier payout for this claim was taken back. ClaimPay support is checking it.',
  'invalid-request': 'The payout was refused. ClaimPay support has been told.',
  'card-declined': 'The payout was refused. ClaimPay support has been told.',
  'invalid-amount': 'The payout amount is not valid. ClaimPay support has been told.',
  'no-pool-with-funds': 'ClaimPay is waiting for funds to pay this claim. Support has been told; the payout is sent as soon as funds arrive.',
  // Bank return codes on payout.failed
  account_closed: 'Your bank returned the payout: the account is closed. Add an open account under Settings > Payouts.',
  no_account: 'Your bank returned the payout: no account was found with that number. Check it under Settings > Payouts.',
  invalid_account_number: 'Your bank returned the payout: the account number is not valid. Check it under Settings > Payouts.',
  account_frozen: 'Your bank returned the payout: the account is frozen. Contact your bank, then tell ClaimPay.',
  debit_not_authorized: 'Your bank refused the payout. Contact your bank, then tell ClaimPay.',
  insufficient_funds: 'The payout could not be completed by the bank. ClaimPay support has been told.',
  invalid_currency: 'Your bank account cannot receive US dollars. Add a USD account under Settings > Payouts.',
  bank_account_restricted: 'Your bank account is restricted for payouts. Contact your bank, then tell ClaimPay.',
  canceled: 'The payout was canceled before it reached your bank. ClaimPay support has been told.',
}

export function payoutFailureMessage(code: string, fallback?: string | null): string {
  return MESSAGES[code] ?? fallback ?? `The payout failed (${code}). ClaimPay support has been told.`
}
