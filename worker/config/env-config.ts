import { z } from 'zod'

const flag = z.enum(['true', 'false']).optional()

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
  })
  // A production deployment that sets a development switch is a misconfiguration: fail closed and loudly.
  .refine((c) => c.ENVIRONMENT !== 'production' || (c.DEV_ACCESS !== 'true' && c.DEV_OUTBOX !== 'true'), {
    error: 'development switches (DEV_ACCESS, DEV_OUTBOX) cannot be set in production',
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
