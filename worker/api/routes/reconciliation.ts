import { createRoute, z } from '@hono/zod-openapi'
import {
  ReconciliationItem,
  ReconciliationItemDetail,
  ReconciliationPage,
  ReconciliationQuery,
  RemittancePage,
  RemittanceQuery,
  ResolveInput,
} from '../../contracts/reconciliation'
import { createD1Reconciliation, decodeCursor } from '../../payments/d1/d1-reconciliation'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const denied = { 401: problem('No valid Cloudflare Access token') }
const IdParam = z.object({ id: z.string().max(64) })

const noItem = (id: string) => new ApiProblem(404, 'not-found', 'No such reconciliation item', `No item with id ${id}.`)

function positionOf(cursor: string | undefined) {
  if (cursor === undefined) return null
  const position = decodeCursor(cursor)
  if (!position) throw new ApiProblem(400, 'validation-failed', 'The request is not valid', '1 problem(s) found.', [{ where: '/cursor', message: 'Not a cursor this API returned.' }])
  return position
}

/**
 * What 835 posting could not settle on its own, for admins to work through. Posting writes the items;
 * admins only read them and mark them resolved, with a note in the audit log saying how.
 */
export const reconciliationRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reconciliation',
      summary: 'Reconciliation items newest first, with the open items counted by kind',
      middleware: [adminAccess],
      request: { query: ReconciliationQuery },
      responses: { 200: jsonOk('One page and the open counts', ReconciliationPage), 400: problem('A query parameter is not valid'), ...denied },
    }),
    async (c) => {
      const { status, kind, cursor, limit } = c.req.valid('query')
      const store = createD1Reconciliation(c.env.DB)
      const [page, open] = await Promise.all([store.list({ status, kind, after: positionOf(cursor), limit }), store.openCounts()])
      return c.json({ items: page.items, nextCursor: page.next, open }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/reconciliation/{id}',
      summary: 'One item, with the claim it names and that claim’s posted remittance when it is ours',
      middleware: [adminAccess],
      request: { params: IdParam },
      responses: { 200: jsonOk('The item', ReconciliationItemDetail), 404: problem('No such item'), ...denied },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const store = createD1Reconciliation(c.env.DB)
      const item = await store.get(id)
      if (!item) throw noItem(id)
      const [claim, resolution] = await Promise.all([store.claimFor(item.claimRef), store.resolutionOf(item)])
      return c.json({ item, claim, resolution }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/reconciliation/{id}/resolve',
      summary: 'Mark an item resolved, once, with a note saying how it was settled',
      middleware: [adminAccess, requireJson, jsonBodyLimit],
      request: { params: IdParam, ...jsonBody(ResolveInput) },
      responses: { 200: jsonOk('The item, resolved', ReconciliationItem), 400: problem('No note, or one too long'), 404: problem('No such item'), 409: problem('Already resolved'), ...denied },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { note } = c.req.valid('json')
      const outcome = await createD1Reconciliation(c.env.DB).resolve(id, c.var.adminEmail, note, new Date())
      if (outcome.ok) return c.json(outcome.item, 200)
      if (outcome.reason === 'not-found') throw noItem(id)
      throw new ApiProblem(409, 'already-resolved', 'The item is already resolved', `It was resolved at ${outcome.resolvedAt}.`)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/remittances',
      summary: 'Posted 835s newest first, with how many of their claims posted',
      middleware: [adminAccess],
      request: { query: RemittanceQuery },
      responses: { 200: jsonOk('One page', RemittancePage), 400: problem('A query parameter is not valid'), ...denied },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query')
      const page = await createD1Reconciliation(c.env.DB).remittances({ after: positionOf(cursor), limit })
      return c.json({ items: page.items, nextCursor: page.next }, 200)
    },
  )
