import type { StripeSettings } from '../config'
import { createD1StripeAccounts } from './d1/stripe-accounts'
import { createStripeClient, StripePayoutRail } from './stripe'

/**
 * The Stripe payout rail for one invocation: a fresh SDK client (fetch HTTP client, the only one that
 * runs in workerd) and the providers' connected accounts from D1.
 */
export function stripePayoutRail(settings: StripeSettings, d1: D1Database, fetch?: typeof globalThis.fetch): StripePayoutRail {
  const accounts = createD1StripeAccounts(d1)
  return new StripePayoutRail({
    stripe: createStripeClient({ apiKey: settings.apiKey, host: settings.host, port: settings.port, protocol: settings.protocol, ...(fetch ? { fetch } : {}) }),
    accountFor: (providerId) => accounts.payableAccount(providerId),
  })
}
