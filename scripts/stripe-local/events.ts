import type { Clock } from './clock'
import type { IdFactory } from './ids'
import type { EventObject, EventType, PayoutObject, TransferObject } from './objects'
import type { Store } from './store'
import type { WebhookDispatcher } from './webhooks'

export type EventCause = { requestId: string | null; idempotencyKey: string | null }

/** Records Stripe events and hands them to the webhook dispatcher; `data.object` is a snapshot. */
export class EventBus {
  constructor(
    private readonly deps: { store: Store; ids: IdFactory; clock: Clock; webhooks: WebhookDispatcher; apiVersion: () => string },
  ) {}

  emit(type: EventType, object: TransferObject | PayoutObject, account: string | null, cause: EventCause | null): EventObject {
    const event: EventObject = {
      id: this.deps.ids.next('evt'),
      object: 'event',
      ...(account ? { account } : {}),
      api_version: this.deps.apiVersion(),
      created: this.deps.clock.now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.deps.webhooks.hasEndpoint ? 1 : 0,
      request: { id: cause?.requestId ?? null, idempotency_key: cause?.idempotencyKey ?? null },
      type,
    }
    this.deps.store.events.push(event)
    this.deps.webhooks.enqueue(event)
    return event
  }
}
