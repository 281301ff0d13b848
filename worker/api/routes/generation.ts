import { createRoute, z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { schema } from '../../db'
import { generateProvider } from '../../generator/engine'
import { appendAudit } from '../../identity'
import { RunnerConfig, RunnerStart, RunnerStatus, ScenarioName, simulatedStart } from '../../generator/runner'
import { createD1ProviderStore } from '../../providers'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'
import type { ApiEnv } from '../api-app'
import type { Context } from 'hono'

const denied = { 401: problem('No valid Cloudflare Access token') }
const changes = [adminAccess, requireJson, jsonBodyLimit] as const
const ScenarioRef = z.strictObject({ scenario: ScenarioName.default('default') })

const runner = (env: Env, scenario: string) => env.SCENARIO_RUNNER.get(env.SCENARIO_RUNNER.idFromName(scenario))

const noRunner = (scenario: string) => new ApiProblem(404, 'not-found', 'No such runner', `No runner named ${scenario} has been started.`)

/** The practice the claims belong to: an existing provider, or a synthetic one made from the seed. */
async function providerFor(c: Context<ApiEnv>, start: RunnerStart, seed: number): Promise<string> {
  if (start.providerId !== undefined) {
    const row = await c.var.deps.db.query.providers.findFirst({ columns: { id: true }, where: eq(schema.providers.id, start.providerId) })
    if (!row) throw new ApiProblem(404, 'not-found', 'No such provider')
    return row.id
  }
  const synthetic = generateProvider({ seed, claimsPerDay: start.claimsPerDay, ...(start.specialty ? { specialty: start.specialty } : {}) })
  await createD1ProviderStore(c.env.DB).ensure(synthetic.id, `${synthetic.name} (synthetic)`, c.var.config.DEFAULT_CUT_BPS)
  return synthetic.id
}

export const generationRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/generation/start',
      summary: 'Start a scenario runner: synthetic claims into the pipeline or into history',
      middleware: [...changes],
      request: jsonBody(RunnerStart),
      responses: { 201: jsonOk('The runner, started', RunnerStatus), 404: problem('No such provider'), 409: problem('The runner is already running'), ...denied },
    }),
    async (c) => {
      const start = c.req.valid('json')
      const seed = start.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!
      const nowMs = Date.now()
      const config: RunnerConfig = {
        scenario: start.scenario,
        target: start.target,
        speed: start.speed,
        duration: start.duration,
        claimsPerDay: start.claimsPerDay,
        seed,
        ...(start.specialty ? { specialty: start.specialty } : {}),
        patterns: start.patterns,
        providerId: await providerFor(c, start, seed),
        startSimMs: simulatedStart(start.speed, start.duration, nowMs, start.startDate),
        startedAtMs: nowMs,
      }
      const outcome = await runner(c.env, start.scenario).start(config)
      if (!outcome.ok) throw new ApiProblem(409, 'already-running', 'The runner is already running', `Stop ${start.scenario} before starting it again.`)
      console.info(JSON.stringify({ level: 'info', at: 'generation.start', scenario: config.scenario, target: config.target, speed: config.speed, providerId: config.providerId }))
      await appendAudit(c.var.deps.db, [{ actor: c.var.adminEmail, action: 'generation.started', subjectType: 'scenario', subjectId: config.scenario, providerId: config.providerId, detail: { target: config.target, speed: config.speed, duration: config.duration, claimsPerDay: config.claimsPerDay, seed } }], new Date())
      return c.json(outcome.status, 201)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/admin/generation/stop', summary: 'Stop a scenario runner', middleware: [...changes], request: jsonBody(ScenarioRef), responses: { 200: jsonOk('The runner, stopped', RunnerStatus), 404: problem('No such runner'), ...denied } }),
    async (c) => {
      const { scenario } = c.req.valid('json')
      const status = await runner(c.env, scenario).stop()
      if (!status) throw noRunner(scenario)
      await appendAudit(c.var.deps.db, [{ actor: c.var.adminEmail, action: 'generation.stopped', subjectType: 'scenario', subjectId: scenario }], new Date())
      return c.json(status, 200)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/admin/generation/status', summary: 'Claims generated, rate and pattern distribution of a runner', middleware: [adminAccess], request: { query: ScenarioRef }, responses: { 200: jsonOk('The runner', RunnerStatus), 404: problem('No such runner'), ...denied } }),
    async (c) => {
      const { scenario } = c.req.valid('query')
      const status = await runner(c.env, scenario).status()
      if (!status) throw noRunner(scenario)
      return c.json(status, 200)
    },
  )
