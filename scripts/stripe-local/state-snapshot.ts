import type { Clock } from './clock'
import type { IdempotencyStore } from './idempotency'
import type { IdFactory } from './ids'
import { STATE_FORMAT, STATE_VERSION } from './state-format'
import type { StateFile } from './state-format'
import type { Store } from './store'
import type { WebhookDispatcher } from './webhooks'

/** The parts of a running server that hold state, and the one loose variable (the Stripe-Version seen). */
export type StatefulParts = {
  store: Store
  idempotency: IdempotencyStore
  clock: Clock
  ids: IdFactory
  webhooks: WebhookDispatcher
  apiVersionSeen: { get(): string | null; set(version: string | null): void }
}

/** The server's state as plain data; objects are shared, not copied, so serialize it before anything runs. */
export function captureState(parts: StatefulParts): StateFile {
  const { store, idempotency, clock, ids, webhooks } = parts
  const webhookDeliveries = webhooks.pending()
  const waiting = new Set(webhookDeliveries.map((d) => d.eventId))
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    clock: { offsetSeconds: clock.offsetSeconds },
    ids: { issued: ids.issued, webhookDeliveries: webhooks.issued },
    apiVersionSeen: parts.apiVersionSeen.get(),
    platformAvailable: store.platformAvailable,
    accounts: [...store.accounts.values()],
    transfers: [...store.transfers.values()],
    reversals: [...store.reversals.values()],
    payouts: [...store.payouts.values()],
    nextPayoutFailures: [...store.nextPayoutFailures],
    events: store.events.filter((e) => waiting.has(e.id)),
    webhookDeliveries,
    idempotency: idempotency.records(),
  }
}

/** Puts a checked state file into a freshly built server, before it listens. */
export function restoreState(parts: StatefulParts, state: StateFile): void {
  const { store, idempotency, clock, ids, webhooks } = parts
  store.reset()
  // The clock first: idempotency keys are expired against it as they are restored.
  clock.restoreOffset(state.clock.offsetSeconds)
  ids.resume(state.ids.issued)
  parts.apiVersionSeen.set(state.apiVersionSeen)
  store.platformAvailable = state.platformAvailable
  for (const record of state.accounts) store.accounts.set(record.account.id, record)
  // Array order is insertion order, which lists use to order objects created in the same second.
  for (const transfer of state.transfers) store.transfers.set(transfer.id, transfer)
  for (const reversal of state.reversals) store.reversals.set(reversal.id, reversal)
  for (const record of state.payouts) store.payouts.set(record.payout.id, record)
  store.nextPayoutFailures.push(...state.nextPayoutFailures)
  store.events.push(...state.events)
  idempotency.restore(state.idempotency)
  const events = new Map(state.events.map((e) => [e.id, e]))
  webhooks.restore(
    state.webhookDeliveries.map((d) => ({ ...d, event: events.get(d.eventId)! })),
    state.ids.webhookDeliveries,
  )
}
