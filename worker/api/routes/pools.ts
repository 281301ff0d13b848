import { createRoute, z } from '@hono/zod-openapi'
import { claimsToRedrive, openShortage, waitingForFunds } from '../../payments/d1/d1-funding-shortage'
import { recordDeposit } from '../../payments/d1/d1-pool-deposits'
import type { DepositOutcome } from '../../payments/d1/d1-pool-deposits'
import { createPool, findPool, listPools, poolExposureSeries, setPoolActive } from '../../payments/d1/d1-pools'
import { Deposit, DepositInput, ExposureQuery, FundingPool, IdempotencyKey, PoolDetail, PoolInput, PoolList } from '../../payments/funding/pool-contracts'
import { forward } from '../../pipeline'
import { stageQueues } from '../../platform'
import { afterCommit } from '../after-commit'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const denied = { 401: problem('No valid Cloudflare Access token') }
const changes = [adminAccess, requireJson, jsonBodyLimit] as const
export const IdParam = z.object({ id: z.string().max(64) })
const DepositHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() })

/** Claims sent back to the pay step per deposit or resume; the cron's re-drive picks up any beyond. */
const REDRIVE_LIMIT = 500

const noPool = (id: string) => new ApiProblem(404, 'not-found', 'No such funding pool', `No pool with id ${id}.`)

export async function poolOr404(d1: D1Database, id: string, filter: { partnerId?: string } = {}) {
  const pool = await findPool(d1, id, filter)
  if (!pool) throw noPool(id)
  return pool
}

/** One key per deposit, from the header or the body; two that disagree are a client bug, not a choice. */
function depositKey(header: string | undefined, depositId: string | undefined): string {
  if (header && depositId && header !== depositId) {
    throw new ApiProblem(400, 'idempotency-key-mismatch', 'Two different deposit keys', 'Idempotency-Key and depositId differ: send one, or the same value in both.')
  }
  const key = header ?? depositId
  if (!key) throw new ApiProblem(400, 'idempotency-key-required', 'A deposit needs a key', 'Send an Idempotency-Key header (or a depositId) so that a retried deposit is posted once.')
  return key
}

function refusedDeposit(outcome: Exclude<DepositOutcome, { ok: true }>): never {
  if (outcome.reason === 'idempotency-key-reused') throw new ApiProblem(409, outcome.reason, 'This key was used for another deposit', outcome.message)
  throw new ApiProblem(422, outcome.reason, 'The deposit cannot be posted', outcome.message)
}

/**
 * New funds or a resumed pool can pay claims that were waiting: they go back to the pay step, which
 * checks the funds again. The same forwarding the cron's re-drive uses, narrowed to those claims.
 */
async function redriveWaitingClaims(env: Env): Promise<number> {
  const pools = await listPools(env.DB)
  const available = pools.filter((p) => p.active).reduce((most, p) => (BigInt(p.availableCents) > most ? BigInt(p.availableCents) : most), 0n)
  const waiting = await claimsToRedrive(env.DB, available, REDRIVE_LIMIT)
  await forward({ queues: stageQueues(env) }, waiting)
  return waiting.length
}

async function redriveAfterCommit(env: Env, ids: Record<string, string>): Promise<number> {
  let sent = 0
  await afterCommit('pool-redrive', ids, async () => {
    sent = await redriveWaitingClaims(env)
  })
  return sent
}

export const poolRoutes = apiRouter()
  .openapi(
    createRoute({ method: 'get', path: '/admin/pools', summary: 'Funding pools with cash, exposure and availability, and the claims waiting for funds', middleware: [adminAccess], responses: { 200: jsonOk('Pools in draw order', PoolList), ...denied } }),
    async (c) => {
      const [items, waiting, shortage] = await Promise.all([listPools(c.env.DB), waitingForFunds(c.env.DB), openShortage(c.env.DB)])
      // An episode the monitor has not closed yet, with nothing waiting any more, is not worth an alert.
      return c.json({ items, waiting, shortage: waiting.claims > 0 ? shortage : null }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/pools',
      summary: "Create a funding pool for a bank partner",
      middleware: [...changes],
      request: jsonBody(PoolInput),
      responses: { 201: jsonOk('The pool', FundingPool), 422: problem('No such partner'), ...denied },
    }),
    async (c) => {
      const created = await createPool(c.env.DB, c.req.valid('json'), c.var.adminEmail, new Date())
      if (!created.ok) throw new ApiProblem(422, created.reason, 'No such partner', 'Add the bank partner first, then its pools.', [{ where: '/partnerId', message: 'no partner has this id' }])
      return c.json(created.pool, 201)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/admin/pools/{id}', summary: 'One pool with its daily exposure', middleware: [adminAccess], request: { params: IdParam, query: ExposureQuery }, responses: { 200: jsonOk('The pool', PoolDetail), 404: problem('No such pool'), ...denied } }),
    async (c) => {
      const { id } = c.req.valid('param')
      const pool = await poolOr404(c.env.DB, id)
      return c.json({ pool, exposure: await poolExposureSeries(c.env.DB, id, new Date(), c.req.valid('query').days) }, 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/admin/pools/{id}/pause', summary: 'Stop new payouts drawing on a pool (its money and exposure stay)', middleware: [adminAccess], request: { params: IdParam }, responses: { 200: jsonOk('The pool', FundingPool), 404: problem('No such pool'), ...denied } }),
    async (c) => {
      const result = await setPoolActive(c.env.DB, c.req.valid('param').id, false, c.var.adminEmail, new Date())
      if (!result.ok) throw noPool(c.req.valid('param').id)
      return c.json(result.pool, 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/admin/pools/{id}/resume', summary: 'Let payouts draw on a pool again; claims waiting for funds are sent on', middleware: [adminAccess], request: { params: IdParam }, responses: { 200: jsonOk('The pool', FundingPool), 404: problem('No such pool'), ...denied } }),
    async (c) => {
      const { id } = c.req.valid('param')
      const result = await setPoolActive(c.env.DB, id, true, c.var.adminEmail, new Date())
      if (!result.ok) throw noPool(id)
      if (result.changed) await redriveAfterCommit(c.env, { poolId: id })
      return c.json(result.pool, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/pools/{id}/deposits',
      summary: "Record a partner's deposit into a pool (posted once per Idempotency-Key)",
      middleware: [...changes],
      request: { params: IdParam, headers: DepositHeaders, ...jsonBody(DepositInput) },
      responses: {
        201: jsonOk('Posted', Deposit),
        200: jsonOk('Already posted under this key: nothing new was written', Deposit),
        404: problem('No such pool'),
        409: problem('The key was used for another deposit'),
        ...denied,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { amountCents, depositId } = c.req.valid('json')
      const key = depositKey(c.req.valid('header')['idempotency-key'], depositId)
      const pool = await poolOr404(c.env.DB, id)
      const outcome = await recordDeposit(c.env.DB, { poolId: pool.id, partnerId: pool.partnerId, amountCents, idempotencyKey: key, actor: c.var.adminEmail, at: new Date() })
      if (!outcome.ok) refusedDeposit(outcome)
      // A paused pool takes deposits, but its funds cannot pay anyone until it is resumed.
      const redriven = !outcome.replayed && pool.active ? await redriveAfterCommit(c.env, { poolId: pool.id, journalId: outcome.deposit.journalId }) : 0
      const body = { ...outcome.deposit, amountCents: String(outcome.deposit.amountCents), replayed: outcome.replayed, redriven }
      return outcome.replayed ? c.json(body, 200) : c.json(body, 201)
    },
  )
