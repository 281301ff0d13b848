import type { ApiContext } from './context'
import type { ActiveFault, FaultPlan, FaultSpec } from './faults'
import type { IdempotencyStore } from './idempotency'
import type { AccountObject, EventObject, PayoutObject, TransferObject, TransferReversalObject } from './objects'
import { settleDuePayouts, settlePayout } from './resources/payout-settlement'
import type { DeliveryMode, DeliveryResult, DeliveryView, WebhookDispatcher, WebhookEndpoint, WebhookTamper } from './webhooks'

/** Everything the server holds, as plain copies, for test assertions ("no second transfer"). */
export type ObjectsSnapshot = {
  now: number
  balances: { platform: number; accounts: Record<string, number> }
  accounts: AccountObject[]
  transfers: TransferObject[]
  reversals: TransferReversalObject[]
  payouts: PayoutObject[]
  events: EventObject[]
  idempotencyKeys: number
}

/** What a test or the fault harness can do to the world that real Stripe would not let it do. */
export type StripeLocalControl = {
  now(): number
  /** Moves the server's clock; payouts whose arrival date passes settle, idempotency keys older than 24 h expire. */
  advanceClock(seconds: number): { now: number; settled: PayoutObject[] }
  /** Settles pending payouts now (all, or `ids`): paid, or failed with their armed failure or `failureCode`. */
  settlePayouts(opts?: { ids?: string[]; failureCode?: string }): PayoutObject[]
  /** The next payout created fails at settlement with this code. */
  failNextPayout(failureCode?: string): void
  injectFault(spec: FaultSpec): ActiveFault
  faults(): ActiveFault[]
  clearFaults(): void
  /** The next `count` events are each delivered twice (two deliveries, same event id). */
  duplicateNextWebhook(count?: number): void
  /** The next event's delivery carries a signature the receiver must reject. */
  tamperNextWebhook(kind: WebhookTamper): void
  setWebhookMode(mode: DeliveryMode): void
  setWebhookEndpoint(endpoint: WebhookEndpoint | null): void
  /** Attempts every pending delivery now, in order or shuffled by `shuffleSeed`. */
  deliverWebhooks(opts?: { shuffleSeed?: number }): Promise<DeliveryResult[]>
  /** Resolves when no automatic delivery is in flight. */
  webhooksIdle(): Promise<void>
  webhookDeliveries(): DeliveryView[]
  topUpPlatformBalance(amount: number): { available: number }
  objects(): ObjectsSnapshot
  /** Back to the state at start: no objects, the initial balance, the clock and id sequence restarted. */
  reset(): void
}

export function createControl(deps: {
  ctx: ApiContext
  idempotency: IdempotencyStore
  faults: FaultPlan
  webhooks: WebhookDispatcher
}): StripeLocalControl {
  const { ctx, idempotency, faults, webhooks } = deps
  const { store } = ctx
  return {
    now: () => ctx.clock.now(),
    advanceClock(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('seconds must be a non-negative number')
      const now = ctx.clock.advance(Math.floor(seconds))
      return { now, settled: settleDuePayouts(ctx).map((r) => structuredClone(r.payout)) }
    },
    settlePayouts(opts = {}) {
      const wanted = opts.ids ? new Set(opts.ids) : null
      const settled: PayoutObject[] = []
      for (const record of store.payouts.values()) {
        if (wanted && !wanted.has(record.payout.id)) continue
        if (settlePayout(ctx, record, opts.failureCode)) settled.push(structuredClone(record.payout))
      }
      return settled
    },
    failNextPayout(failureCode = 'account_closed') {
      store.nextPayoutFailures.push(failureCode)
    },
    injectFault: (spec) => faults.add(spec),
    faults: () => faults.pending(),
    clearFaults: () => faults.clear(),
    duplicateNextWebhook: (count = 1) => webhooks.duplicateNext(count),
    tamperNextWebhook: (kind) => webhooks.tamperNext(kind),
    setWebhookMode: (mode) => webhooks.setMode(mode),
    setWebhookEndpoint: (endpoint) => webhooks.setEndpoint(endpoint),
    deliverWebhooks: (opts) => webhooks.deliver(opts),
    webhooksIdle: () => webhooks.idle(),
    webhookDeliveries: () => webhooks.list(),
    topUpPlatformBalance(amount) {
      if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer number of cents')
      store.platformAvailable += amount
      return { available: store.platformAvailable }
    },
    objects() {
      return structuredClone({
        now: ctx.clock.now(),
        balances: {
          platform: store.platformAvailable,
          accounts: Object.fromEntries([...store.accounts].map(([id, r]) => [id, r.available])),
        },
        accounts: [...store.accounts.values()].map((r) => r.account),
        transfers: [...store.transfers.values()],
        reversals: [...store.reversals.values()],
        payouts: [...store.payouts.values()].map((r) => r.payout),
        events: [...store.events],
        idempotencyKeys: idempotency.size(),
      })
    },
    reset() {
      store.reset()
      idempotency.reset()
      faults.clear()
      webhooks.reset()
      ctx.clock.reset()
      ctx.ids.reset()
    },
  }
}
