import { describe, expect, it } from 'vitest'
import { devAccessEnabled, devOutboxEnabled, readConfig } from './env-config'

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
})
