import { describe, expect, it } from 'vitest'
import { demoProviderEnabled, readConfig } from './env-config'

const base = { SCORE_THRESHOLD: '80', DEFAULT_CUT_BPS: '500', MAX_UPLOAD_BYTES: '1024', ENVIRONMENT: 'development' } as const

describe('readConfig', () => {
  it('turns vars into numbers', () => {
    expect(readConfig(base)).toMatchObject({ SCORE_THRESHOLD: 80, DEFAULT_CUT_BPS: 500, MAX_UPLOAD_BYTES: 1024 })
  })

  it('fails on a threshold outside 0-100', () => {
    expect(() => readConfig({ ...base, SCORE_THRESHOLD: '180' })).toThrow()
  })

  it('never enables the demo provider in production', () => {
    expect(demoProviderEnabled(readConfig({ ...base, DEV_DEMO_PROVIDER: 'true' }))).toBe(true)
    expect(demoProviderEnabled(readConfig({ ...base, ENVIRONMENT: 'production', DEV_DEMO_PROVIDER: 'true' }))).toBe(false)
    expect(demoProviderEnabled(readConfig(base))).toBe(false)
  })
})
