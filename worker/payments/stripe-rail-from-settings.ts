import type { StripeSettings } from '../config'
import { createD1StripeAccounts } from './d1/stripe-accounts'
import { createStripeClient, StripePayoutRail } from './stripe'

/**
 * The Stripe payout rail for one invocation: a fresh SDK client (fetch HTTP client, the only one that
 * runs in workerd) and the providers' connected accounts from D1. `now` is for the payments fault
 * harness, whose clock moves with its Stripe endpoint's.
 */
export function stripePayoutRail(settings: StripeSettings, d1: D1Database, now?: () => Date): StripePayoutRail {
  const accounts = createD1StripeAccounts(d1)
  return new StripePayoutRail({
    stripe: createStripeClient({ apiKey: settings.apiKey, host: settings.host, port: settings.port, protocol: settings.protocol }),
    accountFor: (providerId) => accounts.payableAccount(providerId),
    ...(now ? { now } : {}),
  })
}
