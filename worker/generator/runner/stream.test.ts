import { describe, expect, it } from 'vitest'
import { RunnerConfig } from './config'
import { planOf } from './plan'
import { DAY_MS, simulatedStart } from './schedule'
import { ScenarioStream, SEGMENT_DAYS } from './stream'

const NOW = Date.parse('2026-03-02T09:30:00Z')

function config(overrides: Partial<RunnerConfig> = {}): RunnerConfig {
  const speed = overrides.speed ?? 'max'
  const duration = overrides.duration ?? '30-days'
  return RunnerConfig.parse({
    scenario: 'test',
    target: 'history',
    speed,
    duration,
    claimsPerDay: 40,
    seed: 7,
    specialty: 'family-medicine',
    patterns: {},
    providerId: 'prv_test',
    startSimMs: simulatedStart(speed, duration, NOW),
    startedAtMs: NOW,
    ...overrides,
  })
}

const drain = (stream: ScenarioStream, untilMs: number, max = 10_000) => {
  const all = []
  for (;;) {
    const taken = stream.take(untilMs, max)
    all.push(...taken.claims)
    if (taken.exhausted || taken.claims.length < max) return { claims: all, exhausted: taken.exhausted }
  }
}

describe('the scenario stream', () => {
  it('backfills 30 days across two segments, in due order, then ends', () => {
    const plan = planOf(config())
    const { claims, exhausted } = drain(new ScenarioStream(plan), Number.POSITIVE_INFINITY, 250)
    expect(exhausted).toBe(true)
    expect(claims.length).toBeGreaterThan(20 * 30)
    expect(claims.every((c) => c.dueMs >= plan.startMs && c.dueMs < plan.endMs!)).toBe(true)
    const days = new Set(claims.map((c) => c.record.claim.serviceDate))
    expect(days.size).toBeGreaterThanOrEqual(26)
    expect(new Set(claims.map((c) => c.record.trace.seed)).size).toBe(2)
    expect(claims.every((c) => c.record.providerId === 'prv_test' && c.patient.id === c.record.patient.id)).toBe(true)
  })

  it('resumes from a position with exactly the claims it would have given', () => {
    const plan = planOf(config())
    const whole = drain(new ScenarioStream(plan), Number.POSITIVE_INFINITY).claims.map((c) => c.record.claim.claimNumber + c.record.trace.sequence)
    const first = new ScenarioStream(plan)
    const head = first.take(Number.POSITIVE_INFINITY, 777).claims
    const resumed = new ScenarioStream(plan, first.position())
    const tail = drain(resumed, Number.POSITIVE_INFINITY).claims
    expect([...head, ...tail].map((c) => c.record.claim.claimNumber + c.record.trace.sequence)).toEqual(whole)
  })

  it('gives nothing before it is due and skips the part of the first day before a live start', () => {
    const plan = planOf(config({ speed: '100x', duration: 'continuous' }))
    const stream = new ScenarioStream(plan)
    // The run starts at 09:30: the claims due from 08:00 are passed over, none is written.
    const atStart = stream.take(plan.startMs, 500)
    expect(atStart.claims).toEqual([])
    expect(atStart.skipped).toBeGreaterThan(0)
    const taken = stream.take(plan.startMs + 3_600_000, 500)
    expect(taken.claims.length).toBeGreaterThan(0)
    expect(taken.claims.every((c) => c.dueMs > plan.startMs && c.dueMs <= plan.startMs + 3_600_000)).toBe(true)
  })

  it('carries improvement across segments', () => {
    const plan = planOf(config({ speed: '100x', duration: 'continuous', patterns: { 'missing-modifier-25': { frequency: 0.5, improvementPerMonth: 0.5 } } }))
    const stream = new ScenarioStream(plan)
    const count = (fromMs: number, toMs: number) => {
      const claims = stream.take(toMs, 100_000).claims.filter((c) => c.dueMs > fromMs)
      return claims.filter((c) => c.record.trace.pattern === 'missing-modifier-25').length / claims.length
    }
    const early = count(plan.startMs, plan.startMs + SEGMENT_DAYS * DAY_MS)
    const late = count(plan.startMs + SEGMENT_DAYS * DAY_MS, plan.startMs + 3 * SEGMENT_DAYS * DAY_MS)
    expect(late).toBeLessThan(early / 2)
  })
})
