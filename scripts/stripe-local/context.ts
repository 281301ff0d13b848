import type { Clock } from './clock'
import type { EventBus } from './events'
import type { FormObject } from './form-decode'
import type { IdFactory } from './ids'
import type { Reply } from './reply'
import type { Store } from './store'

/** Everything an endpoint may touch; built once per server. */
export type ApiContext = {
  store: Store
  ids: IdFactory
  clock: Clock
  events: EventBus
  settings: ServerSettings
}

export type ServerSettings = {
  /** Seconds from a standard payout's creation to its arrival date (and settlement). */
  payoutArrivalSeconds: number
  /** Bank account number -> payout failure_code, Stripe's test-number convention by default. */
  failingAccountNumbers: Record<string, string>
}

export type ApiRequest = {
  method: string
  path: string
  pathParams: Record<string, string>
  params: FormObject
  /** The Stripe-Account header: the connected account the call acts as, or null for the platform. */
  account: string | null
  requestId: string
  idempotencyKey: string | null
}

export type Handler = (ctx: ApiContext, req: ApiRequest) => Reply
