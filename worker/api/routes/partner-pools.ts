import { createRoute, z } from '@hono/zod-openapi'
import { listPools, poolExposureSeries } from '../../payments/d1/d1-pools'
import { ExposureQuery, FundingPool, PoolDetail } from '../../payments/funding/pool-contracts'
import { apiRouter, jsonOk, problemDoc as problem } from '../api-app'
import { requireScope } from '../middleware/partner-auth'
import { refused, signed } from './partner'
import { IdParam, poolOr404 } from './pools'

/** The bank partner's view: its own pools only. Another partner's pool answers 404, as a missing one does. */
export const partnerPoolRoutes = apiRouter()
  .openapi(
    createRoute({ method: 'get', path: '/partner/pools', summary: "The partner's funding pools with cash, exposure and availability", middleware: [...signed, requireScope('portfolio:read')], responses: { 200: jsonOk('Pools', z.object({ items: z.array(FundingPool) })), ...refused } }),
    async (c) => c.json({ items: await listPools(c.env.DB, { partnerId: c.var.partner.partnerId }) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/partner/pools/{id}',
      summary: 'One of the partner\'s pools with its daily exposure',
      middleware: [...signed, requireScope('portfolio:read')],
      request: { params: IdParam, query: ExposureQuery },
      responses: { 200: jsonOk('The pool', PoolDetail), 404: problem('No such pool'), ...refused },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const pool = await poolOr404(c.env.DB, id, { partnerId: c.var.partner.partnerId })
      return c.json({ pool, exposure: await poolExposureSeries(c.env.DB, id, new Date(), c.req.valid('query').days) }, 200)
    },
  )
