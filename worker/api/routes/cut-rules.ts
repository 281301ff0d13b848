import { createRoute, z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { schema } from '../../db'
import { auditInsert } from '../../identity'
import { BPS_PER_WHOLE } from '../../payments/compute-payout'
import { type AppendProblem, RuleVersion, versionInForce } from '../../payments/cut-policy'
import { createD1CutRules } from '../../payments/d1/d1-cut-rules'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { adminAccess } from '../middleware/admin-access'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const denied = { 401: problem('No valid Cloudflare Access token') }
const changes = [adminAccess, requireJson, jsonBodyLimit] as const
const IdParam = z.object({ id: z.string().max(64) })

const PublishedVersion = RuleVersion.extend({
  /** Null for the built-in default, which is in force until the first published version takes effect. */
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
})
const CutRules = z.object({
  versions: z.array(PublishedVersion),
  /** The version in force today (UTC), the one new payouts are cut under. */
  inForce: z.string(),
  today: z.string(),
})
const ProviderCut = z.object({ cutBps: z.int().min(0).max(BPS_PER_WHOLE) })
const ProviderCutAnswer = z.object({ providerId: z.string(), cutBps: z.int(), previousCutBps: z.int() })

/** A conflict with what is stored is retried after a reload; anything else is the table itself. */
const APPEND_STATUS: Record<AppendProblem, 409 | 422> = { 'version-exists': 409, 'not-after-last': 409, 'in-the-past': 422, 'invalid-rule-table': 422 }

/** 'versions.2.riskBands: gap in ...' as a problem finding, so the admin form can place it. */
function finding(line: string): { where: string; message: string } {
  const colon = line.indexOf(': ')
  if (colon < 0) return { where: '(body)', message: line }
  return { where: `/${line.slice(0, colon).replaceAll('.', '/')}`, message: line.slice(colon + 2) }
}

async function cutRules(db: D1Database, at: Date): Promise<z.infer<typeof CutRules>> {
  const rules = createD1CutRules(db)
  const [read, published] = await Promise.all([rules.table(), rules.published()])
  if (!read.ok) throw new ApiProblem(409, 'invalid-stored-rules', 'The stored cut rules do not parse', read.problems.join('; '))
  const by = new Map(published.map((p) => [p.version, p]))
  return {
    versions: read.table.versions.map((v) => ({ ...v, createdBy: by.get(v.version)?.createdBy ?? null, createdAt: by.get(v.version)?.createdAt ?? null })),
    // The built-in default is effective from 2000-01-01, so some version is always in force.
    inForce: versionInForce(read.table, at)!.version,
    today: at.toISOString().slice(0, 10),
  }
}

export const cutRuleRoutes = apiRouter()
  .openapi(
    createRoute({ method: 'get', path: '/admin/cut-rules', summary: 'The cut rule versions, and the one in force today', middleware: [adminAccess], responses: { 200: jsonOk('The versions in date order', CutRules), ...denied } }),
    async (c) => c.json(await cutRules(c.env.DB, new Date()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/cut-rules',
      summary: 'Publish a new cut rule version, effective today or later and after every earlier one',
      middleware: [...changes],
      request: jsonBody(RuleVersion),
      responses: {
        201: jsonOk('The versions, with the new one last', CutRules),
        409: problem('The version exists, or does not take effect after the last one'),
        422: problem('The table with this version would not be valid, or it takes effect in the past'),
        ...denied,
      },
    }),
    async (c) => {
      const at = new Date()
      const added = await createD1CutRules(c.env.DB).append(c.req.valid('json'), c.var.adminEmail, at)
      if (!added.ok) {
        throw new ApiProblem(
          APPEND_STATUS[added.reason],
          added.reason,
          'The cut rule version was not published',
          added.problems.join('; '),
          added.problems.map(finding),
        )
      }
      return c.json(await cutRules(c.env.DB, at), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/providers/{id}/cut',
      summary: "The provider's negotiated base cut; the volume and risk rules still adjust it",
      middleware: [...changes],
      request: { params: IdParam, ...jsonBody(ProviderCut) },
      responses: { 200: jsonOk('The new rate', ProviderCutAnswer), 404: problem('No such provider'), ...denied },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { cutBps } = c.req.valid('json')
      const { db } = c.var.deps
      const row = await db.query.providers.findFirst({ columns: { cutBps: true }, where: eq(schema.providers.id, id) })
      if (!row) throw new ApiProblem(404, 'not-found', 'No such provider')
      const at = new Date()
      await db.batch([
        db.update(schema.providers).set({ cutBps }).where(eq(schema.providers.id, id)),
        auditInsert(db, { actor: c.var.adminEmail, action: 'provider.cut.changed', subjectType: 'provider', subjectId: id, providerId: id, detail: { from: row.cutBps, to: cutBps } }, at),
      ])
      return c.json({ providerId: id, cutBps, previousCutBps: row.cutBps }, 200)
    },
  )
