import { z } from 'zod'

const flag = z.enum(['true', 'false']).optional()

/** An optional setting where an empty string (a var left blank in wrangler.toml) means unset. */
function unset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
}

/** The Worker's vars, validated once per request: a typo in wrangler.toml fails loudly, not silently. */
export const EnvConfig = z
  .object({
    SCORE_THRESHOLD: z.coerce.number().int().min(0).max(100),
    DEFAULT_CUT_BPS: z.coerce.number().int().min(0).max(10_000),
    MAX_UPLOAD_BYTES: z.coerce.number().int().min(1),
    ENVIRONMENT: z.enum(['production', 'development', 'test']),
    ACCESS_TEAM_DOMAIN: z.url({ protocol: /^https$/ }).transform((s) => s.replace(/\/+$/, '')),
    ACCESS_AUD: z.string().min(1),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((s) => (s ?? '').split(',').map((o) => o.trim()).filter(Boolean)),
    /** Development only: the Worker signs and accepts Access-shaped tokens with a local key. */
    DEV_ACCESS: flag,
    /** Development only: emails stay in the outbox, readable at /dev/outbox. */
    DEV_OUTBOX: flag,
    /** Payer delays are divided by this: 86400 makes a simulated day last a real second; 1 is real time. */
    PAYER_TIME_SCALE: z.coerce.number().min(1).default(1),
    /** Where an alert goes when approved claims wait because no funding pool can cover them (also shown on /admin/pools). */
    FUNDING_ALERT_EMAIL: unset(z.email()),
    /**
     * Where the Stripe SDK sends its calls: https://api.stripe.com when deployed, the local endpoint
     * (scripts/stripe-local) in development and tests. With STRIPE_SECRET_KEY it selects the Stripe
     * payout rail; without either, payouts go to the sandbox rail, which moves no money.
     */
    STRIPE_API_BASE: unset(z.url({ protocol: /^https?$/ }).transform((s) => new URL(s))),
    /** A secret (sk_) or restricted (rk_) key of the platform account. */
    STRIPE_SECRET_KEY: unset(z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_..., sk_live_...)')),
    /** The signing secret of the webhook endpoint (/api/v1/webhooks/stripe). */
    STRIPE_WEBHOOK_SECRET: unset(z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_...)')),
  })
  // A production deployment that sets a development switch is a misconfiguration: fail closed and loudly.
  .refine((c) => c.ENVIRONMENT !== 'production' || (c.DEV_ACCESS !== 'true' && c.DEV_OUTBOX !== 'true'), {
    error: 'development switches (DEV_ACCESS, DEV_OUTBOX) cannot be set in production',
  })
  // Bank details and money travel over this connection: in production only over TLS.
  .refine((c) => c.ENVIRONMENT !== 'production' || !c.STRIPE_API_BASE || c.STRIPE_API_BASE.protocol === 'https:', {
    error: 'STRIPE_API_BASE must be https in production',
  })
export type EnvConfig = z.infer<typeof EnvConfig>

export function readConfig(env: Partial<Record<keyof z.input<typeof EnvConfig>, string>>): EnvConfig {
  return EnvConfig.parse(env)
}

export function devAccessEnabled(config: EnvConfig): boolean {
  return config.DEV_ACCESS === 'true' && config.ENVIRONMENT !== 'production'
}

export function devOutboxEnabled(config: EnvConfig): boolean {
  return config.DEV_OUTBOX === 'true' && config.ENVIRONMENT !== 'production'
}

/** How to reach Stripe, or null when the Stripe payout rail is not configured (the sandbox rail is used). */
export type StripeSettings = { apiKey: string; host: string; port: number; protocol: 'http' | 'https'; webhookSecret: string | null }

export function stripeSettings(config: EnvConfig): StripeSettings | null {
  const base = config.STRIPE_API_BASE
  if (!base || !config.STRIPE_SECRET_KEY) return null
  const protocol = base.protocol === 'https:' ? 'https' : 'http'
  return {
    apiKey: config.STRIPE_SECRET_KEY,
    host: base.hostname,
    port: base.port ? Number(base.port) : protocol === 'https' ? 443 : 80,
    protocol,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? null,
  }
}
