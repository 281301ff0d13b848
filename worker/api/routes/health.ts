import { createRoute, z } from '@hono/zod-openapi'
import { apiRouter } from '../api-app'

const Health = z.object({ status: z.enum(['ok', 'degraded']), checks: z.object({ d1: z.enum(['ok', 'failing']) }) })

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database cannot be reached', content: { 'application/json': { schema: Health } } },
  },
})

export const healthRoutes = apiRouter().openapi(health, async (c) => {
  const d1 = await c.env.DB.prepare('SELECT 1 AS one')
    .first<{ one: number }>()
    .then((r) => (r?.one === 1 ? 'ok' : 'failing'))
    .catch(() => 'failing' as const)
  return d1 === 'ok' ? c.json({ status: 'ok' as const, checks: { d1 } }, 200) : c.json({ status: 'degraded' as const, checks: { d1 } }, 503)
})
