/**
 * The API objects as this endpoint returns them: the subset of Stripe's fields the product reads, with
 * Stripe's names and types. Full bank account numbers never appear here (last four only), as in Stripe.
 */
export type Metadata = Record<string, string>

export type ApiList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string }

export type BankAccountObject = {
  id: string
  object: 'bank_account'
  account: string
  account_holder_name: string | null
  account_holder_type: string | null
  account_type: string | null
  bank_name: string | null
  country: string
  currency: string
  default_for_currency: boolean
  fingerprint: string
  last4: string
  metadata: Metadata
  routing_number: string
  status: 'new' | 'verified' | 'errored'
}

export type AccountObject = {
  id: string
  object: 'account'
  type: 'custom'
  country: string
  email: string | null
  business_type: string | null
  business_profile: Record<string, unknown>
  capabilities: Record<string, 'active' | 'inactive' | 'pending'>
  charges_enabled: boolean
  payouts_enabled: boolean
  details_submitted: boolean
  created: number
  default_currency: string
  external_accounts: ApiList<BankAccountObject>
  metadata: Metadata
  requirements: { currently_due: string[]; eventually_due: string[]; past_due: string[]; disabled_reason: string | null }
  tos_acceptance: { date: number | null; ip: string | null; user_agent: string | null }
}

export type TransferReversalObject = {
  id: string
  object: 'transfer_reversal'
  amount: number
  balance_transaction: string
  created: number
  currency: string
  destination_payment_refund: string | null
  metadata: Metadata
  source_refund: string | null
  transfer: string
}

export type TransferObject = {
  id: string
  object: 'transfer'
  amount: number
  amount_reversed: number
  balance_transaction: string
  created: number
  currency: string
  description: string | null
  destination: string
  destination_payment: string
  livemode: false
  metadata: Metadata
  reversals: ApiList<TransferReversalObject>
  reversed: boolean
  source_transaction: string | null
  source_type: 'card'
  transfer_group: string | null
}

export type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled'

export type PayoutObject = {
  id: string
  object: 'payout'
  amount: number
  arrival_date: number
  automatic: false
  balance_transaction: string
  created: number
  currency: string
  description: string | null
  destination: string
  failure_balance_transaction: string | null
  failure_code: string | null
  failure_message: string | null
  livemode: false
  metadata: Metadata
  method: 'standard'
  original_payout: string | null
  reconciliation_status: 'not_applicable' | 'in_progress' | 'completed'
  reversed_by: string | null
  source_type: 'card'
  statement_descriptor: string | null
  status: PayoutStatus
  type: 'bank_account'
}

export type BalanceAmount = { amount: number; currency: string; source_types: { card: number } }

export type BalanceObject = {
  object: 'balance'
  available: BalanceAmount[]
  pending: BalanceAmount[]
  connect_reserved?: BalanceAmount[]
  livemode: false
}

export type EventType =
  | 'transfer.created'
  | 'transfer.reversed'
  | 'payout.created'
  | 'payout.paid'
  | 'payout.failed'
  | 'payout.canceled'

export type EventObject = {
  id: string
  object: 'event'
  /** Present for events that happened on a connected account, as Connect webhooks carry it. */
  account?: string
  api_version: string
  created: number
  data: { object: TransferObject | PayoutObject }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: EventType
}
