import type { DeliveryMode } from './webhooks'

export type StripeLocalOptions = {
  /** 0 (the default) picks a free port; the CLI defaults to 12111. */
  port?: number
  /** Loopback by default: the control API has no authentication. */
  host?: string
  /** Makes every id (acct_, tr_, po_, evt_, req_ ...) a function of the seed and creation order. */
  seed?: string | number
  /** Freezes the server clock at this Unix time; it then moves only by `control.advanceClock`. */
  startTime?: number
  /** The platform's available balance at start (and after reset), in cents. */
  platformBalance?: number
  webhookUrl?: string
  webhookSecret?: string
  webhookMode?: DeliveryMode
  webhookRetryBaseMs?: number
  webhookRetryMaxMs?: number
  webhookMaxAttempts?: number
  /** Only these secret keys are accepted; by default any `sk_test_...`. */
  apiKeys?: string[]
  /** Reported when a request sends no Stripe-Version, and carried by events until one does. */
  apiVersion?: string
  /** Seconds from payout creation to arrival and settlement; Stripe's standard ACH is about two days. */
  payoutArrivalSeconds?: number
  /** Bank account number -> failure_code for payouts to it; Stripe's test numbers by default. */
  failingAccountNumbers?: Record<string, string>
  /**
   * Keeps the state in this file across restarts: loaded at start if it exists, rewritten (atomically)
   * after every change. Without it everything lives in memory only.
   */
  stateFile?: string
  /** One line per request (method, path, status, ids); never parameters, so never a bank account number. */
  log?: (line: string) => void
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  platformBalance: 0,
  webhookMode: 'auto' as DeliveryMode,
  webhookRetryBaseMs: 1000,
  webhookRetryMaxMs: 60_000,
  webhookMaxAttempts: 8,
  /** The version the installed SDK sends; only echoed when a request sends none. */
  apiVersion: '2026-10-28.endive',
  payoutArrivalSeconds: 2 * 24 * 60 * 60,
}
