import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_TABLE, parseRuleTable } from './rule-table'
import { TABLE } from './test-table'

type Version = (typeof TABLE.versions)[number]
const withFirst = (patch: Partial<Version>) => ({ versions: [{ ...TABLE.versions[0]!, ...patch }] })

function problems(input: unknown): string[] {
  const r = parseRuleTable(input)
  return r.ok ? [] : r.problems
}

describe('parseRuleTable', () => {
  it('accepts a sound table and fills the default bounds', () => {
    const r = parseRuleTable(TABLE)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.table.versions[0]).toMatchObject({ minCutBps: 0, maxCutBps: 10_000 })
    expect(parseRuleTable(DEFAULT_RULE_TABLE).ok).toBe(true)
  })

  it('names overlapping and missing risk bands', () => {
    const overlapping = withFirst({ riskBands: [{ minScore: 0, maxScore: 85, adjustBps: 0 }, { minScore: 81, maxScore: 100, adjustBps: 0 }] })
    expect(problems(overlapping)).toEqual(['versions.0.riskBands: overlapping risk bands: 0-85 and 81-100'])
    const gap = withFirst({ riskBands: [{ minScore: 0, maxScore: 80, adjustBps: 0 }, { minScore: 86, maxScore: 100, adjustBps: 0 }] })
    expect(problems(gap)).toEqual(['versions.0.riskBands: gap in risk bands: scores 81-85 have no band'])
    const short = withFirst({ riskBands: [{ minScore: 10, maxScore: 99, adjustBps: 0 }] })
    expect(problems(short)).toEqual([
      'versions.0.riskBands: risk bands must start at score 0, the first starts at 10',
      'versions.0.riskBands: risk bands must end at score 100, the last ends at 99',
    ])
  })

  it('names gaps and overlaps in volume tiers, and a closed last tier', () => {
    const gap = withFirst({ volumeTiers: [{ minClaims: 0, maxClaims: 49, adjustBps: 0 }, { minClaims: 60, maxClaims: null, adjustBps: 0 }] })
    expect(problems(gap)).toEqual(['versions.0.volumeTiers: gap in volume tiers: 50-59 claims have no tier'])
    const overlap = withFirst({ volumeTiers: [{ minClaims: 0, maxClaims: 49, adjustBps: 0 }, { minClaims: 40, maxClaims: null, adjustBps: 0 }] })
    expect(problems(overlap)).toEqual(['versions.0.volumeTiers: overlapping volume tiers: tier 0-49 and tier starting at 40'])
    const closed = withFirst({ volumeTiers: [{ minClaims: 0, maxClaims: 49, adjustBps: 0 }] })
    expect(problems(closed)).toEqual(['versions.0.volumeTiers: the last volume tier must be open-ended (maxClaims null), tier 0-49 is not'])
  })

  it('refuses negative or above-100% cuts and fractional bps', () => {
    expect(problems(withFirst({ defaultCutBps: -1 }))).toEqual(['versions.0.defaultCutBps: must not be negative'])
    expect(problems(withFirst({ defaultCutBps: 10_001 }))).toEqual(['versions.0.defaultCutBps: must not exceed 10000 bps (100%)'])
    expect(problems(withFirst({ defaultCutBps: 2.5 }))).toHaveLength(1)
  })

  it('refuses effective dates out of order and repeated versions', () => {
    const [a, b] = TABLE.versions
    expect(problems({ versions: [b, a] })).toEqual(['versions.1.effectiveFrom: effective dates out of order: 2026-01 (2026-01-01) must be after 2026-07 (2026-07-01)'])
    expect(problems({ versions: [a, { ...b!, version: '2026-01' }] })).toEqual(['versions.1.version: version 2026-01 appears twice'])
    expect(problems({ versions: [a, { ...b!, effectiveFrom: '2026-13-01' }] })).toEqual(['versions.1.effectiveFrom: must be a date as YYYY-MM-DD'])
  })

  it('refuses empty tables and unknown fields without crashing', () => {
    expect(problems({ versions: [] })).toEqual(['versions: needs at least one version'])
    expect(problems(withFirst({ volumeTiers: [], riskBands: [] }))).toEqual(['versions.0.volumeTiers: needs at least one volume tier', 'versions.0.riskBands: needs at least one risk band'])
    expect(problems({ ...TABLE, extra: 1 }).length).toBe(1)
    expect(problems(null).length).toBe(1)
  })
})
