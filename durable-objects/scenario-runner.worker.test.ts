import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { RunnerConfig, simulatedStart } from '../worker/generator/runner'
import type { ScenarioRunner } from './scenario-runner'

const suffix = () => crypto.randomUUID().slice(0, 12)
const stubOf = (name: string) => env.SCENARIO_RUNNER.get(env.SCENARIO_RUNNER.idFromName(name))

function backfill(scenario: string, providerId: string): RunnerConfig {
  const now = Date.now()
  return { scenario, target: 'history', speed: 'max', duration: 'one-week', claimsPerDay: 300, seed: 42, patterns: {}, providerId, startSimMs: simulatedStart('max', 'one-week', now), startedAtMs: now }
}

/** Alarms also fire on their own in the test runtime; either way, run them until the backfill is done. */
async function untilDone(stub: ReturnType<typeof stubOf>) {
  for (let i = 0; i < 200; i++) {
    await runDurableObjectAlarm(stub)
    const status = await stub.status()
    if (status && !status.running) return status
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the backfill did not complete')
}

const rows = async (providerId: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM claim_history WHERE provider_id = ?').bind(providerId).first<{ n: number }>())!.n

describe('ScenarioRunner', () => {
  it('resumes where it stood after losing its in-memory stream, writing each claim once', async () => {
    const providerId = `prv_t${suffix()}`
    const name = `resume-${suffix()}`
    const stub = stubOf(name)
    expect((await stub.start(backfill(name, providerId))).ok).toBe(true)
    await runDurableObjectAlarm(stub)
    // As after an eviction: the next alarm has to rebuild the stream from the stored position.
    await runInDurableObject(stub, (runner: ScenarioRunner) => {
      ;(runner as unknown as { stream: unknown }).stream = null
    })
    const status = await untilDone(stub)
    expect(status).toMatchObject({ running: false, endedBecause: 'completed', claimsWritten: status!.claimsGenerated })
    expect(await rows(providerId)).toBe(status!.claimsGenerated)
    const distinct = await env.DB.prepare('SELECT COUNT(DISTINCT seed || \':\' || sequence) AS n FROM claim_history WHERE provider_id = ?').bind(providerId).first<{ n: number }>()
    expect(distinct!.n).toBe(status!.claimsGenerated)
  })

  it('writes nothing twice when the same run is started again with the same seed', async () => {
    const providerId = `prv_t${suffix()}`
    const name = `rerun-${suffix()}`
    const stub = stubOf(name)
    await stub.start(backfill(name, providerId))
    await untilDone(stub)
    const first = await rows(providerId)
    await stub.start(backfill(name, providerId))
    const second = await untilDone(stub)
    expect(await rows(providerId)).toBe(first)
    expect(second).toMatchObject({ claimsGenerated: first, claimsWritten: 0 })
  })

  it('refuses to start twice and leaves no alarm once stopped', async () => {
    const providerId = `prv_t${suffix()}`
    const name = `stop-${suffix()}`
    const stub = stubOf(name)
    const now = Date.now()
    const live: RunnerConfig = { ...backfill(name, providerId), speed: '10x', duration: 'continuous', startSimMs: now }
    expect((await stub.start(live)).ok).toBe(true)
    expect(await stub.start(live)).toMatchObject({ ok: false, reason: 'already-running' })
    expect(await stub.stop()).toMatchObject({ running: false, endedBecause: 'stopped' })
    expect(await runInDurableObject(stub, (_r, state) => state.storage.getAlarm())).toBeNull()
    expect(await runDurableObjectAlarm(stub)).toBe(false)
  })
})
