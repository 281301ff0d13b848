import Stripe from 'stripe'

export type StripeClientConfig = {
  apiKey: string
  /** Set to reach a Stripe-compatible endpoint (local runs, tests); unset for api.stripe.com. */
  host?: string
  port?: number
  protocol?: 'http' | 'https'
  /**
   * The SDK's own retries reuse our idempotency key, so they are safe; kept low because the queue
   * retries the whole step anyway and a Worker invocation should not sit in backoff.
   */
  maxNetworkRetries?: number
}

/**
 * Built per request from env (no module-level client): the fetch HTTP client is the one that runs in
 * workerd, where Node's http module does not exist.
 */
export function createStripeClient({ apiKey, host, port, protocol, maxNetworkRetries = 1 }: StripeClientConfig): Stripe {
  return new Stripe(apiKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries,
    telemetry: false,
    ...(host !== undefined ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
  })
}
