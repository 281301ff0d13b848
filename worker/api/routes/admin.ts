import { createRoute, z } from '@hono/zod-openapi'
import { desc, sql } from 'drizzle-orm'
import { AuditPage, AuditVerification, IssuedPartnerToken, Partner, PartnerInput, PartnerRotateInput, PartnerTokenInput } from '../../contracts/identity'
import { schema } from '../../db'
import { createPartner, issuePartnerToken, listAudit, listPartners, reencryptBatch, revokePartnerToken, rotatePartnerToken, sealAuditLog, verifyAuditLog } from '../../identity'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const IdParam = z.object({ id: z.string().max(64) })
const denied = { 401: problem('No valid Cloudflare Access token') }
const changes = [adminAccess, requireJson, jsonBodyLimit] as const

const AuditQuery = z.object({
  cursor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  providerId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

const ProviderSummary = z.object({ id: z.string(), name: z.string(), cutBps: z.int(), createdAt: z.string(), claims: z.int(), members: z.int() })

export const adminRoutes = apiRouter()
  .openapi(createRoute({ method: 'get', path: '/admin/me', summary: 'The Access-verified admin', middleware: [adminAccess], responses: { 200: jsonOk('The admin', z.object({ email: z.string() })), ...denied } }), (c) =>
    c.json({ email: c.var.adminEmail }, 200),
  )
  .openapi(createRoute({ method: 'get', path: '/admin/audit', summary: 'The audit log, newest first', middleware: [adminAccess], request: { query: AuditQuery }, responses: { 200: jsonOk('One page', AuditPage), ...denied } }), async (c) => {
    await sealAuditLog(c.var.deps.db)
    return c.json(await listAudit(c.var.deps.db, c.req.valid('query')), 200)
  })
  .openapi(createRoute({ method: 'get', path: '/admin/audit/verify', summary: 'Recompute the audit hash chain', middleware: [adminAccess], responses: { 200: jsonOk('Whether the chain is intact', AuditVerification), ...denied } }), async (c) => {
    await sealAuditLog(c.var.deps.db)
    return c.json(await verifyAuditLog(c.var.deps.db), 200)
  })
  .openapi(createRoute({ method: 'get', path: '/admin/providers', summary: 'Customers', middleware: [adminAccess], responses: { 200: jsonOk('Providers', z.object({ items: z.array(ProviderSummary) })), ...denied } }), async (c) => {
    const { providers } = schema
    const db = c.var.deps.db
    const rows = await db
      .select({
        id: providers.id,
        name: providers.name,
        cutBps: providers.cutBps,
        createdAt: providers.createdAt,
        // Columns written out with their tables: drizzle leaves them bare inside sql``, and a bare
        // "provider_id" = "id" would compare each claim (or user) row with itself.
        claims: sql<number>`(select count(*) from claims where claims.provider_id = providers.id)`,
        members: sql<number>`(select count(*) from users where users.provider_id = providers.id and users.removed_at is null)`,
      })
      .from(providers)
      .orderBy(desc(providers.createdAt))
      .limit(500)
    return c.json({ items: rows }, 200)
  })
  .openapi(createRoute({ method: 'get', path: '/admin/partners', summary: 'Bank partners and their tokens', middleware: [adminAccess], responses: { 200: jsonOk('Partners', z.object({ items: z.array(Partner) })), ...denied } }), async (c) =>
    c.json({ items: await listPartners(c.var.deps) }, 200),
  )
  .openapi(createRoute({ method: 'post', path: '/admin/partners', summary: 'Add a bank partner', middleware: [...changes], request: jsonBody(PartnerInput), responses: { 201: jsonOk('The partner', Partner), ...denied } }), async (c) =>
    c.json(await createPartner(c.var.deps, c.var.adminEmail, c.req.valid('json').name), 201),
  )
  .openapi(
    createRoute({ method: 'post', path: '/admin/partners/{id}/tokens', summary: 'Issue a signing token; the secret is shown once', middleware: [...changes], request: { params: IdParam, ...jsonBody(PartnerTokenInput) }, responses: { 201: jsonOk('The token with its secret', IssuedPartnerToken), 404: problem('No such partner'), ...denied } }),
    async (c) => {
      const { scopes, expiresInDays } = c.req.valid('json')
      const token = await issuePartnerToken(c.var.deps, c.var.adminEmail, c.req.valid('param').id, scopes, expiresInDays)
      if (!token) throw new ApiProblem(404, 'not-found', 'No such partner')
      return c.json(token, 201)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/admin/partner-tokens/{id}/rotate', summary: 'Replace a token; the old one works for the overlap', middleware: [...changes], request: { params: IdParam, ...jsonBody(PartnerRotateInput) }, responses: { 201: jsonOk('The new token with its secret', IssuedPartnerToken), 404: problem('No such live token'), ...denied } }),
    async (c) => {
      const token = await rotatePartnerToken(c.var.deps, c.var.adminEmail, c.req.valid('param').id, c.req.valid('json').overlapHours)
      if (!token) throw new ApiProblem(404, 'not-found', 'No such live token')
      return c.json(token, 201)
    },
  )
  .openapi(createRoute({ method: 'delete', path: '/admin/partner-tokens/{id}', summary: 'Revoke a token now', middleware: [adminAccess], request: { params: IdParam }, responses: { 204: { description: 'Revoked' }, 404: problem('No such live token'), ...denied } }), async (c) => {
    if (!(await revokePartnerToken(c.var.deps, c.var.adminEmail, c.req.valid('param').id))) throw new ApiProblem(404, 'not-found', 'No such live token')
    return c.body(null, 204)
  })
  .openapi(
    createRoute({ method: 'post', path: '/admin/keys/reencrypt', summary: 'Re-encrypt a batch of sealed fields to the active key version', middleware: [adminAccess], responses: { 200: jsonOk('What this pass did', z.object({ reencrypted: z.int(), failed: z.int(), remaining: z.boolean() })), ...denied } }),
    async (c) => c.json(await reencryptBatch(c.var.deps.db, c.var.deps.keyring), 200),
  )
