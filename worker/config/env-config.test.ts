import { describe, expect, it } from 'vitest'
import { devAccessEnabled, devOutboxEnabled, readConfig, stripeSettings } from './env-config'

const base = {
  SCORE_THRESHOLD: '80',
  DEFAULT_CUT_BPS: '500',
  MAX_UPLOAD_BYTES: '1024',
  ENVIRONMENT: 'development',
  ACCESS_TEAM_DOMAIN: 'https://acme.cloudflareaccess.com/',
  ACCESS_AUD: 'aud-tag',
  CORS_ORIGINS: ' https://a.example , https://b.example,',
} as const

describe('readConfig', () => {
  it('turns vars into numbers, lists and a normalised team domain', () => {
    expect(readConfig(base)).toMatchObject({
      SCORE_THRESHOLD: 80,
      DEFAULT_CUT_BPS: 500,
      MAX_UPLOAD_BYTES: 1024,
      ACCESS_TEAM_DOMAIN: 'https://acme.cloudflareaccess.com',
      CORS_ORIGINS: ['https://a.example', 'https://b.example'],
    })
  })

  it('fails on a threshold outside 0-100 and on a plain-http team domain', () => {
    expect(() => readConfig({ ...base, SCORE_THRESHOLD: '180' })).toThrow()
    expect(() => readConfig({ ...base, ACCESS_TEAM_DOMAIN: 'http://acme.cloudflareaccess.com' })).toThrow()
  })

  it('enables development switches only when asked, outside production', () => {
    expect(devAccessEnabled(readConfig({ ...base, DEV_ACCESS: 'true' }))).toBe(true)
    expect(devOutboxEnabled(readConfig({ ...base, DEV_OUTBOX: 'true' }))).toBe(true)
    expect(devAccessEnabled(readConfig(base))).toBe(false)
    expect(devOutboxEnabled(readConfig(base))).toBe(false)
  })

  it('refuses a production configuration that sets a development switch', () => {
    expect(() => readConfig({ ...base, ENVIRONMENT: 'production', DEV_ACCESS: 'true' })).toThrow(/cannot be set in production/)
    expect(() => readConfig({ ...base, ENVIRONMENT: 'production', DEV_OUTBOX: 'true' })).toThrow(/cannot be set in production/)
    expect(readConfig({ ...base, ENVIRONMENT: 'production' }).ENVIRONMENT).toBe('production')
  })

  it('selects the Stripe rail only with both an API base and a secret key, and reads host, port and protocol from the base', () => {
    expect(stripeSettings(readConfig(base))).toBeNull()
    expect(stripeSettings(readConfig({ ...base, STRIPE_API_BASE: '', STRIPE_SECRET_KEY: 'sk_test_abc' }))).toBeNull()
    expect(stripeSettings(readConfig({ ...base, STRIPE_API_BASE: 'http://127.0.0.1:12111' }))).toBeNull()
    expect(stripeSettings(readConfig({ ...base, STRIPE_API_BASE: 'http://127.0.0.1:12111', STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }))).toEqual({
      apiKey: 'sk_test_abc',
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
      webhookSecret: 'whsec_abc',
    })
    expect(stripeSettings(readConfig({ ...base, STRIPE_API_BASE: 'https://api.stripe.com', STRIPE_SECRET_KEY: 'sk_live_abc' }))).toMatchObject({ host: 'api.stripe.com', port: 443, protocol: 'https', webhookSecret: null })
  })

  it('refuses malformed Stripe settings and a plain-http Stripe in production', () => {
    expect(() => readConfig({ ...base, STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(/Stripe secret key/)
    expect(() => readConfig({ ...base, STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(/whsec_/)
    expect(() => readConfig({ ...base, STRIPE_API_BASE: 'ftp://stripe.local' })).toThrow()
    expect(() => readConfig({ ...base, ENVIRONMENT: 'production', STRIPE_API_BASE: 'http://127.0.0.1:12111' })).toThrow(/https in production/)
  })
})
