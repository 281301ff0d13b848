import { describe, expect, it } from 'vitest'
import { checkAppend, tableOf } from './append-version'
import { cutFor, versionInForce } from './cut-for'
import { providerOverride } from './provider-override'
import { RuleVersion } from './rule-table'

const version = (name: string, effectiveFrom: string, overrides: Record<string, unknown> = {}) =>
  RuleVersion.parse({
    version: name,
    effectiveFrom,
    defaultCutBps: 450,
    volumeTiers: [{ minClaims: 0, maxClaims: null, adjustBps: 0 }],
    riskBands: [{ minScore: 0, maxScore: 100, adjustBps: 0 }],
    ...overrides,
  })

describe('tableOf', () => {
  it('is the built-in default alone when nothing is stored', () => {
    const table = tableOf([])
    expect(table.ok && table.table.versions.map((v) => v.version)).toEqual(['default'])
  })

  it('keeps the default under the stored versions, so the days before the first one still have rules', () => {
    const table = tableOf([version('2027-01', '2027-01-01')])
    if (!table.ok) throw new Error(table.problems.join('; '))
    expect(versionInForce(table.table, '2026-12-31')?.version).toBe('default')
    expect(versionInForce(table.table, '2027-01-01')?.version).toBe('2027-01')
  })

  it('reports a stored row that no longer parses instead of skipping it', () => {
    expect(tableOf([{ version: 'broken' }])).toMatchObject({ ok: false, reason: 'invalid-rule-table' })
  })
})

describe('checkAppend', () => {
  const stored = [version('2026-12', '2026-12-01')]

  it('accepts a version effective today or later, after the last, and returns the whole table', () => {
    const today = checkAppend(stored, version('2027-01', '2027-01-01'), '2027-01-01')
    expect(today.ok && today.table.versions.map((v) => v.version)).toEqual(['default', '2026-12', '2027-01'])
  })

  it('refuses a version name already used, including the built-in one', () => {
    expect(checkAppend(stored, version('2026-12', '2027-02-01'), '2027-01-01')).toMatchObject({ ok: false, reason: 'version-exists' })
    expect(checkAppend([], version('default', '2027-02-01'), '2027-01-01')).toMatchObject({ ok: false, reason: 'version-exists' })
  })

  it('refuses a version in the past before anything else about its date', () => {
    expect(checkAppend(stored, version('late', '2026-12-31'), '2027-01-01')).toEqual({
      ok: false,
      reason: 'in-the-past',
      problems: ['effectiveFrom: 2026-12-31 is in the past; the earliest allowed is 2027-01-01'],
    })
  })

  it('refuses a version that does not take effect after the last one', () => {
    const future = [version('2027-06', '2027-06-01')]
    expect(checkAppend(future, version('2027-03', '2027-03-01'), '2027-01-01')).toMatchObject({ ok: false, reason: 'not-after-last' })
    expect(checkAppend(future, version('same-day', '2027-06-01'), '2027-01-01')).toMatchObject({ ok: false, reason: 'not-after-last' })
  })

  it('refuses tiers and bands that would leave a claim without a rule, with the table rule that failed', () => {
    const gappy = { ...version('gappy', '2027-02-01'), volumeTiers: [{ minClaims: 0, maxClaims: 10, adjustBps: 0 }, { minClaims: 20, maxClaims: null, adjustBps: -10 }] }
    expect(checkAppend(stored, gappy, '2027-01-01')).toEqual({ ok: false, reason: 'invalid-rule-table', problems: ['versions.2.volumeTiers: gap in volume tiers: 11-19 claims have no tier'] })
    expect(checkAppend(stored, { version: 'x' }, '2027-01-01')).toMatchObject({ ok: false, reason: 'invalid-rule-table' })
  })
})

describe('providerOverride', () => {
  it('leaves a provider at the default rate to the table, and makes any other rate its base', () => {
    expect(providerOverride(500, 500)).toBeNull()
    expect(providerOverride(undefined, 500)).toBeNull()
    expect(providerOverride(450, 500)).toEqual({ kind: 'base', cutBps: 450 })
    expect(providerOverride(0, 500)).toEqual({ kind: 'base', cutBps: 0 })
  })

  it('keeps the cut of a provider at the default at 500 under the built-in table, whatever its volume and score', () => {
    const table = tableOf([])
    if (!table.ok) throw new Error('default table')
    for (const score of [0, 81, 95, 100]) {
      for (const volume30d of [0, 50, 10_000]) {
        const cut = cutFor({ providerId: 'prv_1', override: providerOverride(500, 500), volume30d, score, on: '2026-11-22', table: table.table })
        expect(cut).toMatchObject({ ok: true, cutBps: 500, ruleVersion: 'default' })
      }
    }
  })
})
