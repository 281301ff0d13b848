import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { RunnerStatus, RunState } from '../../generator/runner'
import { eventually } from '../../test/api-client'
import { adminCall, call } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

const HOUR = 3_600_000
const freshScenario = () => `t-${crypto.randomUUID().slice(0, 8)}`
const freshSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!
const stubOf = (scenario: string) => env.SCENARIO_RUNNER.get(env.SCENARIO_RUNNER.idFromName(scenario))

async function start(body: Record<string, unknown>) {
  const res = await adminCall('/admin/generation/start', { method: 'POST', json: body })
  expect(res.status).toBe(201)
  return RunnerStatus.parse(await res.json())
}

async function status(scenario: string) {
  const res = await adminCall(`/admin/generation/status?scenario=${scenario}`)
  expect(res.status).toBe(200)
  return RunnerStatus.parse(await res.json())
}

/** Moves the run's real start back, as if it had been running that long: the only way to let real time pass in a test. */
async function pretendRunningFor(scenario: string, ms: number) {
  await runInDurableObject(stubOf(scenario), async (_runner, state) => {
    const run = RunState.parse(await state.storage.get('run'))
    await state.storage.put('run', { ...run, config: { ...run.config, startedAtMs: run.config.startedAtMs - ms } })
  })
}

const historyRows = async (providerId: string, scenario: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM claim_history WHERE provider_id = ? AND scenario = ?').bind(providerId, scenario).first<{ n: number }>())!.n

describe('the generation admin API', () => {
  it('runs a 100x runner into history on alarms, reports it, and stops it', async () => {
    const scenario = freshScenario()
    // A family practice bills visits with same-day procedures, so the modifier 25 pattern has claims to apply to.
    const started = await start({ scenario, target: 'history', speed: '100x', claimsPerDay: 200, seed: freshSeed(), specialty: 'family-medicine', createProvider: true, patterns: { 'missing-modifier-25': { frequency: 0.4 } } })
    expect(started).toMatchObject({ scenario, running: true, target: 'history', speed: '100x', claimsGenerated: 0 })
    const provider = await env.DB.prepare('SELECT id, name FROM providers WHERE id = ?').bind(started.providerId).first<{ id: string; name: string }>()
    expect(provider?.name).toContain('(synthetic)')

    // Alarms also fire on their own in the test runtime: whoever runs the next one, it finds an hour gone.
    await pretendRunningFor(scenario, HOUR)
    await runDurableObjectAlarm(stubOf(scenario))
    const after = await status(scenario)
    // An hour at 100x is 100 simulated hours: four days of a 200-a-day practice, bounded at 500 an alarm.
    expect(after.claimsGenerated).toBeGreaterThan(100)
    // At most four-odd days of a 200-a-day practice (busy Mondays, random volume), however many alarms ran.
    expect(after.claimsGenerated).toBeLessThan(1_300)
    expect(after.claimsWritten).toBe(after.claimsGenerated)
    expect(await historyRows(started.providerId, scenario)).toBe(after.claimsGenerated)
    expect(Object.values(after.patterns).reduce((a, b) => a + b, 0)).toBe(after.claimsGenerated)
    expect(after.patterns['missing-modifier-25']).toBeGreaterThan(0)
    expect(after.rate.sinceStartPerSecond).toBeGreaterThan(0)
    expect(Date.parse(after.simulatedNow)).toBeGreaterThan(Date.parse(after.simulatedStart))

    const row = await env.DB.prepare('SELECT * FROM claim_history WHERE provider_id = ? AND scenario = ? ORDER BY sequence LIMIT 1').bind(started.providerId, scenario).first<Record<string, unknown>>()
    expect(row).toMatchObject({ scenario, seed: started.seed, outcome: expect.stringMatching(/^(paid|partial|denied)$/) })
    expect(JSON.parse(String(row!.cpt_codes)).length).toBeGreaterThan(0)

    const again = await adminCall('/admin/generation/start', { method: 'POST', json: { scenario, target: 'history', createProvider: true } })
    await expectProblem(again, 409)

    const stopped = await adminCall('/admin/generation/stop', { method: 'POST', json: { scenario } })
    expect(stopped.status).toBe(200)
    expect(RunnerStatus.parse(await stopped.json())).toMatchObject({ running: false, endedBecause: 'stopped', claimsGenerated: after.claimsGenerated })
    expect(await runDurableObjectAlarm(stubOf(scenario))).toBe(false)
    expect(await historyRows(started.providerId, scenario)).toBe(after.claimsGenerated)
    const audit = await env.DB.prepare('SELECT action, actor FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY id').bind('scenario', scenario).all()
    expect(audit.results.map((r) => r.action)).toEqual(['generation.started', 'generation.stopped'])
  })

  it('backfills a week flat out and ends by itself', async () => {
    const scenario = freshScenario()
    const started = await start({ scenario, target: 'history', speed: 'max', duration: 'one-week', claimsPerDay: 150, seed: freshSeed(), createProvider: true })
    const done = await eventually(async () => {
      await runDurableObjectAlarm(stubOf(scenario))
      const now = await status(scenario)
      return !now.running && now
    }, 'the backfill to complete')
    expect(done).toMatchObject({ running: false, endedBecause: 'completed' })
    expect(done.claimsGenerated).toBeGreaterThan(500)
    expect(await historyRows(started.providerId, scenario)).toBe(done.claimsGenerated)
    const days = await env.DB.prepare('SELECT MIN(service_date) AS first, MAX(service_date) AS last FROM claim_history WHERE provider_id = ? AND scenario = ?').bind(started.providerId, scenario).first<{ first: string; last: string }>()
    const today = new Date().toISOString().slice(0, 10)
    expect(days!.last < today).toBe(true)
    expect(days!.first >= new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10)).toBe(true)
  })

  it('sends 100x pipeline claims through the upload path: sealed patient, received, then parsed onwards', async () => {
    const scenario = freshScenario()
    const started = await start({ scenario, target: 'pipeline', speed: '100x', claimsPerDay: 10, seed: freshSeed(), createProvider: true })
    await pretendRunningFor(scenario, HOUR)
    await runDurableObjectAlarm(stubOf(scenario))
    const after = await status(scenario)
    expect(after.claimsGenerated).toBeGreaterThan(0)
    const claims = await env.DB.prepare('SELECT id, status, patient_name_sealed, patient_dob_sealed, member_id_sealed, note_sealed, member_id_index FROM claims WHERE provider_id = ?').bind(started.providerId).all<Record<string, string | null>>()
    expect(claims.results.length).toBe(after.claimsWritten)
    expect(after.claimsWritten).toBeGreaterThan(0)
    for (const c of claims.results) {
      for (const column of ['patient_name_sealed', 'patient_dob_sealed', 'member_id_sealed', 'note_sealed', 'member_id_index']) expect(c[column], column).toBeTruthy()
      expect(c.patient_name_sealed).not.toMatch(/firstName/)
    }
    await eventually(async () => {
      const moved = await env.DB.prepare("SELECT COUNT(*) AS n FROM claim_events WHERE provider_id = ? AND step <> 'upload' AND step <> 'submit-json'").bind(started.providerId).first<{ n: number }>()
      return moved!.n > 0
    }, 'a generated claim to move past received')
    await adminCall('/admin/generation/stop', { method: 'POST', json: { scenario } })
  })

  it('refuses a start that is not valid, and changes nothing', async () => {
    const scenario = freshScenario()
    const bodies = [
      { scenario, target: 'history' },
      { scenario, target: 'history', createProvider: true, providerId: 'prv_x' },
      { scenario, target: 'pipeline', speed: 'max', duration: 'one-week', createProvider: true },
      { scenario, target: 'history', speed: 'max', createProvider: true },
      { scenario, target: 'history', speed: '1000x', createProvider: true },
      { scenario, target: 'history', claimsPerDay: 5, createProvider: true },
      { scenario: 'Bad Name!', target: 'history', createProvider: true },
      { scenario, target: 'history', createProvider: true, patterns: { 'made-up': { frequency: 0.1 } } },
      { scenario, target: 'history', createProvider: true, patterns: { eligibility: { frequency: 2 } } },
    ]
    for (const json of bodies) {
      const problem = await expectProblem(await adminCall('/admin/generation/start', { method: 'POST', json }), 400)
      expect(problem.type, JSON.stringify(json)).toMatch(/validation-failed/)
    }
    await expectProblem(await adminCall('/admin/generation/start', { method: 'POST', json: { scenario, target: 'history', providerId: 'prv_missing' } }), 404)
    await expectProblem(await adminCall(`/admin/generation/status?scenario=${scenario}`), 404)
    await expectProblem(await adminCall('/admin/generation/stop', { method: 'POST', json: { scenario } }), 404)
  })

  it('refuses callers without Access, and starts nothing', async () => {
    const scenario = freshScenario()
    const res = await call('/admin/generation/start', { method: 'POST', json: { scenario, target: 'history', createProvider: true, seed: 1 } })
    const problem = await expectProblem(res, 401)
    expect(problem.type).toMatch(/access-required/)
    expect((await call(`/admin/generation/status?scenario=${scenario}`)).status).toBe(401)
    expect(await runInDurableObject(stubOf(scenario), (_r, state) => state.storage.get('run'))).toBeUndefined()
  })
})
