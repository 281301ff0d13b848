export { devAccessEnabled, devOutboxEnabled, EnvConfig, readConfig, stripeSettings } from './env-config'
export type { StripeSettings } from './env-config'
