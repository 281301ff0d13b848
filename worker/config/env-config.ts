import { z } from 'zod'

/** The Worker's vars, validated once per request: a typo in wrangler.toml fails loudly, not silently. */
export const EnvConfig = z.object({
  SCORE_THRESHOLD: z.coerce.number().int().min(0).max(100),
  DEFAULT_CUT_BPS: z.coerce.number().int().min(0).max(10_000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1),
  ENVIRONMENT: z.enum(['production', 'development', 'test']),
  /** Development only: act for a demo provider until accounts exist. Refused in production. */
  DEV_DEMO_PROVIDER: z.enum(['true', 'false']).optional(),
})
export type EnvConfig = z.infer<typeof EnvConfig>

export function readConfig(env: Partial<Record<keyof EnvConfig, string>>): EnvConfig {
  return EnvConfig.parse(env)
}

export function demoProviderEnabled(config: EnvConfig): boolean {
  return config.DEV_DEMO_PROVIDER === 'true' && config.ENVIRONMENT !== 'production'
}
