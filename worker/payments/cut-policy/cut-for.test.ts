import { describe, expect, it } from 'vitest'
import { cutFor } from './cut-for'
import type { CutInput } from './cut-for'
import { DEFAULT_RULE_TABLE, parseRuleTable } from './rule-table'
import { TABLE } from './test-table'

const parsed = parseRuleTable(TABLE)
if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
const table = parsed.table
const base: CutInput = { providerId: 'prv_1', override: null, volume30d: 10, score: 90, on: '2026-03-15', table }

describe('cutFor', () => {
  it('is 500 bps by default', () => {
    expect(cutFor({ ...base, table: DEFAULT_RULE_TABLE })).toMatchObject({ ok: true, cutBps: 500, ruleVersion: 'default' })
  })

  it('adds the volume tier and risk band of the version in force, and says so', () => {
    expect(cutFor({ ...base, score: 83 })).toEqual({
      ok: true,
      cutBps: 600,
      ruleVersion: '2026-01',
      explanation: 'default 500, volume 0-49 claims +0, risk score 81-85 +100 = 600 bps (rules 2026-01)',
      parts: [
        { source: 'default', bps: 500 },
        { source: 'volume', tier: '0-49 claims', bps: 0 },
        { source: 'risk', band: 'score 81-85', bps: 100 },
      ],
    })
    expect(cutFor({ ...base, score: 97, volume30d: 250 })).toMatchObject({ cutBps: 400 })
    expect(cutFor({ ...base, score: 95, volume30d: 50 })).toMatchObject({ cutBps: 425 })
    expect(cutFor({ ...base, score: 100, volume30d: 199 })).toMatchObject({ cutBps: 425 })
  })

  it('picks the version by effective date, bounds the result and reports the bounding', () => {
    expect(cutFor({ ...base, on: '2026-06-30', score: 90 })).toMatchObject({ cutBps: 500, ruleVersion: '2026-01' })
    expect(cutFor({ ...base, on: new Date('2026-07-01T00:00:00Z'), score: 90 })).toMatchObject({ cutBps: 300, ruleVersion: '2026-07' })
    const high = cutFor({ ...base, on: '2026-08-01', score: 50 })
    expect(high).toMatchObject({ cutBps: 900, parts: expect.arrayContaining([{ source: 'bounded', from: 1050, to: 900 }]) })
    if (high.ok) expect(high.explanation).toBe('default 450, volume 0-∞ claims +0, risk score 0-85 +600, bounded 1050 to 900 = 900 bps (rules 2026-07)')
  })

  it('applies a provider rate as the base or as a fixed cut', () => {
    expect(cutFor({ ...base, score: 83, override: { cutBps: 400, kind: 'base' } })).toMatchObject({ cutBps: 500, parts: expect.arrayContaining([{ source: 'override', bps: 400 }]) })
    const fixed = cutFor({ ...base, score: 10, override: { cutBps: 350, kind: 'fixed' } })
    expect(fixed).toMatchObject({ ok: true, cutBps: 350, ruleVersion: '2026-01', explanation: 'fixed 350 bps by agreement with provider prv_1' })
  })

  it('refuses bad inputs as values', () => {
    expect(cutFor({ ...base, on: '2025-12-31' })).toMatchObject({ ok: false, reason: 'no-rules-in-effect' })
    expect(cutFor({ ...base, on: 'not a date' })).toMatchObject({ ok: false, reason: 'invalid-date' })
    expect(cutFor({ ...base, score: 101 })).toMatchObject({ ok: false, reason: 'invalid-score' })
    expect(cutFor({ ...base, score: 80.5 })).toMatchObject({ ok: false, reason: 'invalid-score' })
    expect(cutFor({ ...base, volume30d: -1 })).toMatchObject({ ok: false, reason: 'invalid-volume' })
    expect(cutFor({ ...base, override: { cutBps: 10_001, kind: 'fixed' } })).toMatchObject({ ok: false, reason: 'invalid-override' })
    expect(cutFor({ ...base, override: { cutBps: -1, kind: 'base' } })).toMatchObject({ ok: false, reason: 'invalid-override' })
  })
})
