import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { RiskModel, RiskModelPage } from '../../contracts'
import { eventually } from '../../test/api-client'
import { seedHistory } from '../../test/history-fixture'
import { adminCall, call } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

async function train(body: Record<string, unknown>) {
  const res = await adminCall('/admin/risk/models/train', { method: 'POST', json: body })
  expect(res.status).toBe(202)
  return RiskModel.parse(await res.json())
}

/** The trainer runs on its own alarms in the test runtime; wait for the run to leave 'training'. */
async function finished(id: string) {
  return eventually(async () => {
    const model = RiskModel.parse(await (await adminCall(`/admin/risk/models/${id}`)).json())
    return model.state === 'training' ? null : model
  }, `model ${id} to finish training`)
}

const auditActions = async () => (await env.DB.prepare("SELECT action FROM audit_log WHERE action LIKE 'risk.%' ORDER BY rowid").all<{ action: string }>()).results.map((r) => r.action)

describe('the risk model registry', () => {
  it('asks for Cloudflare Access', async () => {
    await expectProblem(await call('/admin/risk/models'), 401)
    await expectProblem(await call('/admin/risk/models/train', { method: 'POST', json: {} }), 401)
  })

  it('fails a run cleanly when there is no history to learn from, and activates nothing', async () => {
    const run = await train({ autoPromote: true })
    expect(run).toMatchObject({ state: 'training', version: 1, trigger: 'admin' })
    const done = await finished(run.id)
    expect(done.state).toBe('failed')
    expect(done.error).toContain('training needs at least 200')
    expect(await env.DB.prepare("SELECT count(*) AS n FROM risk_models WHERE state = 'active'").first('n')).toBe(0)
  })

  it('refuses hyperparameters out of range with the field named', async () => {
    const res = await adminCall('/admin/risk/models/train', { method: 'POST', json: { params: { trees: 0, learningRate: 3 } } })
    const problem = await expectProblem(res, 400)
    expect(JSON.stringify(problem)).toContain('/params/trees')
    expect(await env.DB.prepare("SELECT count(*) AS n FROM risk_models WHERE state = 'training'").first('n')).toBe(0)
  })

  it('trains in the Worker, activates a first model, promotes only a better candidate and rolls back', async () => {
    const history = await seedHistory({ seed: 11, claimsPerDay: 12, from: '2025-01-01', to: '2026-06-30' })
    expect(history.rows).toBeGreaterThan(2_000)

    const weak = await finished((await train({ autoPromote: true, params: { trees: 1, maxDepth: 1, earlyStoppingRounds: 0 } })).id)
    expect(weak).toMatchObject({ state: 'active', version: 2 })
    const report = weak.report as { rows: { train: number; test: number }; test: { calibrated: { auc: number; calibration: unknown[] } }; importance: unknown[] }
    expect(report.rows.train).toBeGreaterThan(1_000)
    expect(report.test.calibrated.calibration.length).toBeGreaterThan(0)

    // Training is refused while a run is in progress.
    const strongRun = await train({ params: { trees: 80 } })
    await expectProblem(await adminCall('/admin/risk/models/train', { method: 'POST', json: {} }), 409)
    const strong = await finished(strongRun.id)
    expect(strong.state).toBe('candidate')
    const comparison = (strong.report as { comparison: { activeVersion: number; candidateBetter: boolean; candidate: { auc: number }; active: { auc: number } } }).comparison
    expect(comparison).toMatchObject({ activeVersion: 2, candidateBetter: true })
    expect(comparison.candidate.auc).toBeGreaterThan(comparison.active.auc)

    const weaker = await finished((await train({ params: { trees: 1, maxDepth: 1, earlyStoppingRounds: 0, seed: 2 } })).id)
    const refused = await expectProblem(await adminCall(`/admin/risk/models/${weaker.id}/promote`, { method: 'POST' }), 409)
    expect(refused.detail).toContain('does not beat v2')

    const promoted = await adminCall(`/admin/risk/models/${strong.id}/promote`, { method: 'POST' })
    expect(promoted.status).toBe(200)
    expect(RiskModel.parse(await promoted.json()).state).toBe('active')
    // The weaker candidate was compared with v2, which is no longer active.
    expect((await expectProblem(await adminCall(`/admin/risk/models/${weaker.id}/promote`, { method: 'POST' }), 409)).detail).toContain('v3 is active now')

    const rolledBack = await adminCall('/admin/risk/models/rollback', { method: 'POST' })
    expect(RiskModel.parse(await rolledBack.json())).toMatchObject({ version: 2, state: 'active' })
    expect(RiskModel.parse(await (await adminCall(`/admin/risk/models/${strong.id}`)).json()).state).toBe('retired')
    await expectProblem(await adminCall('/admin/risk/models/rollback', { method: 'POST' }), 409)

    const page = RiskModelPage.parse(await (await adminCall('/admin/risk/models?limit=2')).json())
    expect(page.items.map((m) => m.version)).toEqual([4, 3])
    expect(page.nextBefore).toBe(3)
    const next = RiskModelPage.parse(await (await adminCall(`/admin/risk/models?limit=2&before=${page.nextBefore}`)).json())
    expect(next.items.map((m) => m.version)).toEqual([2, 1])

    expect(await auditActions()).toEqual(expect.arrayContaining(['risk.training.requested', 'risk.model.trained', 'risk.model.activated', 'risk.model.rolled-back', 'risk.model.failed']))
    const artifacts = await env.FILES.list({ prefix: 'risk-models/' })
    expect(artifacts.objects.length).toBe(3)
  })

  it('refuses to activate a model whose stored artifact no longer loads, and keeps the active one', async () => {
    const history = await seedHistory({ seed: 12, claimsPerDay: 6, from: '2025-01-01', to: '2026-06-30' })
    expect(history.rows).toBeGreaterThan(1_000)
    const before = await env.DB.prepare("SELECT id FROM risk_models WHERE state = 'active'").first<{ id: string }>()
    const better = await finished((await train({ params: { trees: 60, seed: 3 } })).id)
    expect(better.state).toBe('candidate')
    await env.FILES.put(`risk-models/v${better.version}-${better.id}.json`, '{"format":"claimpay-risk-model","formatVersion":1,"gbdt":{}}')
    const problem = await expectProblem(await adminCall(`/admin/risk/models/${better.id}/promote`, { method: 'POST' }), 409)
    expect(problem.detail).toContain('does not load')
    expect((await env.DB.prepare("SELECT id FROM risk_models WHERE state = 'active'").first<{ id: string }>())!.id).toBe(before!.id)
  })

  it('lets admins change the threshold, within 1-99, audited', async () => {
    expect(await (await adminCall('/admin/risk/threshold')).json()).toEqual({ threshold: 80 })
    await expectProblem(await adminCall('/admin/risk/threshold', { method: 'PUT', json: { threshold: 100 } }), 400)
    const res = await adminCall('/admin/risk/threshold', { method: 'PUT', json: { threshold: 75 } })
    expect(await res.json()).toEqual({ threshold: 75 })
    expect(await (await adminCall('/admin/risk/threshold')).json()).toEqual({ threshold: 75 })
    expect(await auditActions()).toContain('risk.threshold.changed')
  })

  it('documents the features the model reads', async () => {
    const res = await adminCall('/admin/risk/features')
    const body = (await res.json()) as { items: { name: string; description: string }[] }
    expect(body.items.map((f) => f.name)).toContain('payer_cpt_not_paid_rate')
    expect(body.items.every((f) => f.description.length > 10)).toBe(true)
  })
})
