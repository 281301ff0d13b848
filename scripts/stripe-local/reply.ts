import { errorBody } from './errors'
import type { StripeError } from './errors'

/**
 * What an endpoint answers. `persist` says whether the idempotency layer keeps it for replays: Stripe
 * saves a result only once the endpoint has started executing, so requests rejected while their
 * parameters are read are not saved and can be corrected and retried under the same key.
 */
export type Reply = { status: number; body: unknown; persist: boolean }

export function ok(body: unknown): Reply {
  return { status: 200, body, persist: true }
}

/** A failure of the operation itself (no such destination, insufficient balance): replayed under its key. */
export function failed(error: StripeError): Reply {
  return { status: error.status, body: errorBody(error), persist: true }
}

/** Parameters that never reached the endpoint: not saved under the idempotency key. */
export function rejected(error: StripeError): Reply {
  return { status: error.status, body: errorBody(error), persist: false }
}
