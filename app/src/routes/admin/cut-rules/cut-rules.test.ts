import { describe, expect, it } from 'vitest'
import { nextVersionTemplate, parseVersionJson, signedBps } from './cut-rules'

describe('the cut rules page helpers', () => {
  it('reads a JSON object and explains anything else', () => {
    expect(parseVersionJson('{"version":"x"}')).toEqual({ ok: true, value: { version: 'x' } })
    expect(parseVersionJson('  ')).toEqual({ ok: false, message: 'Enter the new version as JSON.' })
    expect(parseVersionJson('[1]')).toEqual({ ok: false, message: 'The version must be one JSON object.' })
    expect(parseVersionJson('{"version":')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON: /) })
  })

  it('starts the next version from the one in force, dated tomorrow', () => {
    const text = nextVersionTemplate(undefined, '2026-12-31')
    expect(JSON.parse(text)).toMatchObject({ version: '2027-01-01', effectiveFrom: '2027-01-01', defaultCutBps: 500 })
  })

  it('signs adjustments', () => {
    expect([signedBps(100), signedBps(-25), signedBps(0)]).toEqual(['+100 bps', '-25 bps', '0 bps'])
  })
})
