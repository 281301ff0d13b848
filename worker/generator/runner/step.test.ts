import { describe, expect, it } from 'vitest'
import { RunnerConfig } from './config'
import { planOf } from './plan'
import { describeRun, newRunState } from './run-state'
import { simulatedEnd } from './schedule'
import { runStep, type ClaimSink } from './step'
import { ScenarioStream, type GeneratedClaim } from './stream'

const NOW = Date.parse('2026-03-02T09:30:00Z')
const HOUR = 3_600_000

function memorySink() {
  const written: GeneratedClaim[] = []
  const sink: ClaimSink = {
    async write(claims) {
      written.push(...claims)
      return claims.length
    },
  }
  return { sink, written }
}

const config = (overrides: Partial<RunnerConfig> = {}) =>
  RunnerConfig.parse({ scenario: 'step', target: 'history', speed: '100x', duration: 'continuous', claimsPerDay: 200, seed: 11, patterns: {}, providerId: 'prv_x', startSimMs: Date.parse('2026-03-02T00:00:00Z'), startedAtMs: NOW, ...overrides })

describe('one alarm of a runner', () => {
  it('writes what is due at 100x, counts patterns, and ticks again', async () => {
    const { sink, written } = memorySink()
    let state = newRunState(config())
    const stream = new ScenarioStream(planOf(state.config))
    const first = await runStep(state, stream, sink, NOW + 10 * 60_000)
    state = first.state
    expect(written.length).toBeGreaterThan(0)
    expect(state.claimsGenerated).toBe(written.length)
    expect(state.claimsWritten).toBe(written.length)
    expect(Object.values(state.patterns).reduce((a, b) => a + b, 0)).toBe(written.length)
    expect(first.nextAlarmAt).toBe(NOW + 10 * 60_000 + 5_000)
    const status = describeRun(state, NOW + 10 * 60_000, null)
    expect(status.rate.sinceStartPerSecond).toBeCloseTo(written.length / 600, 1)
    expect(status.patterns.none).toBeGreaterThan(0)
  })

  it('bounds a batch and fires at once while a backlog remains', async () => {
    const { sink, written } = memorySink()
    const state = newRunState(config())
    const step = await runStep(state, new ScenarioStream(planOf(state.config)), sink, NOW + 48 * HOUR, 100)
    expect(written).toHaveLength(100)
    expect(step.nextAlarmAt).toBe(NOW + 48 * HOUR)
    expect(step.state.simulatedMs).toBe(written.at(-1)!.dueMs)
  })

  it('ends a finite run once its last claim is written, with no next alarm', async () => {
    const { sink } = memorySink()
    let state = newRunState(config({ speed: 'max', duration: 'one-week', startSimMs: Date.parse('2026-02-23T00:00:00Z') }))
    const stream = new ScenarioStream(planOf(state.config))
    let alarms = 0
    for (let next: number | null = NOW; next !== null; alarms++) {
      const step = await runStep(state, stream, sink, NOW + alarms)
      state = step.state
      next = step.nextAlarmAt
    }
    expect(state.running).toBe(false)
    expect(state.endedBecause).toBe('completed')
    expect(alarms).toBe(Math.ceil(state.claimsGenerated / 500) + (state.claimsGenerated % 500 === 0 ? 1 : 0))
    expect(state.simulatedMs).toBeLessThan(simulatedEnd(state.config)!)
  })

  it('writes a simulated day at 100x in batches, not a round trip every second', async () => {
    const writes: number[] = []
    const sink: ClaimSink = {
      async write(claims) {
        writes.push(claims.length)
        return claims.length
      },
    }
    let state = newRunState(config({ claimsPerDay: 1_000 }))
    const stream = new ScenarioStream(planOf(state.config))
    // A simulated day at 100x is 864 real seconds, 360 of them clinic hours: follow the alarms it sets.
    for (let at = NOW; at < NOW + 864_000; ) {
      const step = await runStep(state, stream, sink, at)
      state = step.state
      at = step.nextAlarmAt!
    }
    expect(writes.reduce((a, b) => a + b, 0)).toBe(state.claimsGenerated)
    expect(state.claimsGenerated).toBeGreaterThan(500)
    expect(writes.length).toBeLessThanOrEqual(80)
  })

  it('keeps a fixed-size state however long it runs', async () => {
    const { sink } = memorySink()
    let state = newRunState(config({ claimsPerDay: 1_000 }))
    const stream = new ScenarioStream(planOf(state.config))
    for (let i = 1; i <= 300; i++) state = (await runStep(state, stream, { write: async (c) => (await sink.write(c, state.config), c.length) }, NOW + i * 1_000)).state
    expect(state.samples.length).toBeLessThanOrEqual(62)
    expect(JSON.stringify(state).length).toBeLessThan(6_000)
  })

  it('keeps at most a sample a second when alarms come fast', async () => {
    const { sink } = memorySink()
    let state = newRunState(config({ speed: 'max', duration: '30-days', startSimMs: Date.parse('2026-01-31T00:00:00Z') }))
    const stream = new ScenarioStream(planOf(state.config))
    for (let i = 1; i <= 200 && state.running; i++) state = (await runStep(state, stream, sink, NOW + i * 10, 50)).state
    expect(state.samples.length).toBeLessThanOrEqual(3)
    expect(state.samples.at(-1)!.claims).toBe(state.claimsGenerated)
  })
})
