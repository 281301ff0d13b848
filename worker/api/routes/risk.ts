import { createRoute, z } from '@hono/zod-openapi'
import { RiskFeature, RiskModel, RiskModelPage, RiskThreshold, TrainRequest } from '../../contracts'
import { appendAudit } from '../../identity'
import { FEATURES } from '../../risk/features'
import { getArtifact } from '../../risk/store/artifact-store'
import { forgetCachedRiskModel } from '../../risk/store/pipeline-risk'
import { createD1ModelRegistry, type RiskModelRow } from '../../risk/store/d1-model-registry'
import { checkPromotion, requestTraining } from '../../risk/training'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const denied = { 401: problem('No valid Cloudflare Access token') }
const changes = [adminAccess, requireJson, jsonBodyLimit] as const
const IdParam = z.object({ id: z.string().max(64) })
const PageQuery = z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(25) })

const toModel = (row: RiskModelRow): RiskModel => ({ ...row, params: row.params ?? {}, report: row.report ?? null })

const noModel = (id: string) => new ApiProblem(404, 'not-found', 'No such risk model', `No model with id ${id}.`)

/** A model is activated only once its stored artifact has been read back and checked. */
async function ensureLoadable(files: R2Bucket, row: RiskModelRow): Promise<void> {
  const loaded = await getArtifact(files, row.artifactKey ?? '')
  if (!loaded.ok) throw new ApiProblem(409, 'artifact-unreadable', 'The model cannot be activated', `The stored artifact of v${row.version} does not load: ${loaded.message}`)
}

export const riskRoutes = apiRouter()
  .openapi(
    createRoute({ method: 'get', path: '/admin/risk/models', summary: 'The model registry, newest first', middleware: [adminAccess], request: { query: PageQuery }, responses: { 200: jsonOk('One page', RiskModelPage), ...denied } }),
    async (c) => {
      const { before, limit } = c.req.valid('query')
      const rows = await createD1ModelRegistry(c.env.DB).list({ limit: limit + 1, ...(before !== undefined ? { beforeVersion: before } : {}) })
      const page = rows.slice(0, limit)
      return c.json({ items: page.map(toModel), nextBefore: rows.length > limit ? page.at(-1)!.version : null }, 200)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/admin/risk/models/{id}', summary: 'One model with its report', middleware: [adminAccess], request: { params: IdParam }, responses: { 200: jsonOk('The model', RiskModel), 404: problem('No such model'), ...denied } }),
    async (c) => {
      const { id } = c.req.valid('param')
      const row = await createD1ModelRegistry(c.env.DB).get(id)
      if (!row) throw noModel(id)
      return c.json(toModel(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/risk/models/train',
      summary: 'Train a model on the history in D1 (in the background)',
      middleware: [...changes],
      request: jsonBody(TrainRequest),
      responses: { 202: jsonOk('The run, training', RiskModel), 409: problem('A training run is in progress'), ...denied },
    }),
    async (c) => {
      const { params, autoPromote } = c.req.valid('json')
      const started = await requestTraining(c.env, { trigger: 'admin', requestedBy: c.var.adminEmail, params, autoPromote }, new Date())
      if (!started.ok) throw new ApiProblem(409, 'training-in-progress', 'A training run is in progress', started.model ? `Model v${started.model.version} is training; wait for it to finish.` : undefined)
      return c.json(toModel(started.model), 202)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/risk/models/{id}/promote',
      summary: 'Make a candidate the active model, if it beat the active one on the same held-out claims',
      middleware: [adminAccess],
      request: { params: IdParam },
      responses: { 200: jsonOk('The model, now active', RiskModel), 404: problem('No such model'), 409: problem('The model cannot be promoted'), ...denied },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const registry = createD1ModelRegistry(c.env.DB)
      const [candidate, active] = await Promise.all([registry.get(id), registry.active()])
      if (!candidate) throw noModel(id)
      const check = checkPromotion(candidate, active)
      if (!check.ok) throw new ApiProblem(409, check.reason, 'The model cannot be promoted', check.message)
      await ensureLoadable(c.env.FILES, candidate)
      const at = new Date()
      await registry.activate(id, at.toISOString())
      forgetCachedRiskModel()
      await appendAudit(c.var.deps.db, [{ actor: c.var.adminEmail, action: 'risk.model.activated', subjectType: 'risk-model', subjectId: id, detail: { version: candidate.version, replaced: active?.version ?? null } }], at)
      return c.json(toModel((await registry.get(id))!), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/risk/models/rollback',
      summary: 'Retire the active model and reactivate the one before it',
      middleware: [adminAccess],
      responses: { 200: jsonOk('The model, active again', RiskModel), 409: problem('Nothing to roll back to'), ...denied },
    }),
    async (c) => {
      const registry = createD1ModelRegistry(c.env.DB)
      const active = await registry.active()
      if (!active) throw new ApiProblem(409, 'no-active-model', 'Nothing to roll back', 'No model is active.')
      const previous = await registry.previous(active)
      if (!previous) throw new ApiProblem(409, 'no-previous-model', 'Nothing to roll back to', `v${active.version} is the first model ever activated.`)
      await ensureLoadable(c.env.FILES, previous)
      const at = new Date()
      await registry.activate(previous.id, at.toISOString())
      forgetCachedRiskModel()
      await appendAudit(c.var.deps.db, [{ actor: c.var.adminEmail, action: 'risk.model.rolled-back', subjectType: 'risk-model', subjectId: previous.id, detail: { version: previous.version, retired: active.version } }], at)
      return c.json(toModel((await registry.get(previous.id))!), 200)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/admin/risk/threshold', summary: 'The score a claim must exceed to be paid the same day', middleware: [adminAccess], responses: { 200: jsonOk('The threshold', RiskThreshold), ...denied } }),
    async (c) => c.json({ threshold: await createD1ModelRegistry(c.env.DB).threshold(c.var.config.SCORE_THRESHOLD) }, 200),
  )
  .openapi(
    createRoute({ method: 'put', path: '/admin/risk/threshold', summary: 'Change the approval threshold', middleware: [...changes], request: jsonBody(RiskThreshold), responses: { 200: jsonOk('The threshold', RiskThreshold), ...denied } }),
    async (c) => {
      const { threshold } = c.req.valid('json')
      const registry = createD1ModelRegistry(c.env.DB)
      const before = await registry.threshold(c.var.config.SCORE_THRESHOLD)
      const at = new Date()
      await registry.setThreshold(threshold, c.var.adminEmail, at.toISOString())
      forgetCachedRiskModel()
      await appendAudit(c.var.deps.db, [{ actor: c.var.adminEmail, action: 'risk.threshold.changed', subjectType: 'risk-setting', subjectId: 'score-threshold', detail: { from: before, to: threshold } }], at)
      return c.json({ threshold }, 200)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/admin/risk/features', summary: 'The features the risk model reads, documented', middleware: [adminAccess], responses: { 200: jsonOk('The feature catalogue', z.object({ items: z.array(RiskFeature) })), ...denied } }),
    (c) => c.json({ items: FEATURES.map((f) => ({ ...f })) }, 200),
  )
