import type { AccountObject, EventObject, PayoutObject, TransferObject, TransferReversalObject } from './objects'

/** A connected account with what only the server may know: how its bank answers payouts, and its balance. */
export type AccountRecord = {
  account: AccountObject
  /**
   * The failure_code every payout to this bank account gets (one of Stripe's failing test numbers), or
   * null. Decided when the account is created, so the full account number is never kept anywhere.
   */
  payoutFailureCode: string | null
  available: number
}

export type PayoutRecord = {
  payout: PayoutObject
  account: string
  /** Set when the payout will fail at settlement (a failing test number or a control request). */
  failWith: string | null
}

/**
 * All objects, in memory. Maps keep insertion order, which lists rely on for a stable newest-first order
 * when several objects share a `created` second.
 */
export class Store {
  platformAvailable = 0
  readonly accounts = new Map<string, AccountRecord>()
  readonly transfers = new Map<string, TransferObject>()
  readonly reversals = new Map<string, TransferReversalObject>()
  readonly payouts = new Map<string, PayoutRecord>()
  readonly events: EventObject[] = []
  /** failure_codes for the next payouts created, armed by the control API. */
  readonly nextPayoutFailures: string[] = []

  constructor(private readonly initialPlatformBalance: number) {
    this.platformAvailable = initialPlatformBalance
  }

  reset(): void {
    this.platformAvailable = this.initialPlatformBalance
    this.accounts.clear()
    this.transfers.clear()
    this.reversals.clear()
    this.payouts.clear()
    this.events.length = 0
    this.nextPayoutFailures.length = 0
  }
}
