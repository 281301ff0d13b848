import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { schema } from '../../db'
import { apiRouter, jsonOk, problemDoc as problem } from '../api-app'
import { partnerAuth, requireScope } from '../middleware/partner-auth'
import { rateLimit } from '../middleware/rate-limit'

const byToken = rateLimit((env) => env.API_LIMITER, (c) => `partner:${c.var.partner.tokenId}`)
export const signed = [partnerAuth, byToken] as const
export const refused = { 401: problem('Unsigned, badly signed, stale, replayed or revoked'), 403: problem('The token lacks the scope'), 429: problem('Over the token budget') }

const Portfolio = z.object({
  asOf: z.string(),
  claims: z.record(z.string(), z.object({ count: z.int(), billedCents: z.int() })),
  payouts: z.object({ count: z.int(), amountCents: z.int() }),
  providers: z.int(),
})

/** The bank partner API: aggregates only, never a patient or a claim's details. */
export const partnerRoutes = apiRouter()
  .openapi(createRoute({ method: 'get', path: '/partner/whoami', summary: 'The token a request was signed with', middleware: [...signed], responses: { 200: jsonOk('The token', z.object({ partnerId: z.string(), tokenId: z.string(), scopes: z.array(z.string()) })), ...refused } }), (c) => {
    const { partnerId, tokenId, scopes } = c.var.partner
    return c.json({ partnerId, tokenId, scopes }, 200)
  })
  .openapi(createRoute({ method: 'get', path: '/partner/portfolio', summary: 'Claims by status and payouts funded', middleware: [...signed, requireScope('portfolio:read')], responses: { 200: jsonOk('The portfolio', Portfolio), ...refused } }), async (c) => {
    const db = c.var.deps.db
    const { claims, payouts, providers } = schema
    const [byStatus, paid, providerCount] = await Promise.all([
      db.select({ status: claims.status, count: sql<number>`count(*)`, billedCents: sql<number>`coalesce(sum(${claims.billedCents}), 0)` }).from(claims).groupBy(claims.status),
      db.select({ count: sql<number>`count(*)`, amountCents: sql<number>`coalesce(sum(${payouts.amountCents}), 0)` }).from(payouts),
      db.select({ n: sql<number>`count(*)` }).from(providers),
    ])
    return c.json(
      {
        asOf: new Date().toISOString(),
        claims: Object.fromEntries(byStatus.map((r) => [r.status, { count: r.count, billedCents: r.billedCents }])),
        payouts: paid[0] ?? { count: 0, amountCents: 0 },
        providers: providerCount[0]?.n ?? 0,
      },
      200,
    )
  })
