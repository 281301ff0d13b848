import { cors } from 'hono/cors'
import { readConfig } from '../config'
import { sealAuditLog } from '../identity'
import { apiRouter } from './api-app'
import { authenticate, requirePermission } from './middleware/authenticate'
import { apiContext } from './middleware/context'
import { csrfProtection } from './middleware/csrf'
import { rateLimit } from './middleware/rate-limit'
import { jsonBodyLimit, requireJson } from './middleware/require-json'
import { notFound, onError } from './problem'
import { adminRoutes } from './routes/admin'
import { authRoutes } from './routes/auth'
import { claimRoutes } from './routes/claims'
import { cutRuleRoutes } from './routes/cut-rules'
import { devRoutes } from './routes/dev'
import { generationRoutes } from './routes/generation'
import { riskRoutes } from './routes/risk'
import { healthRoutes } from './routes/health'
import { ledgerRoutes } from './routes/ledger'
import { liveRoutes } from './routes/live'
import { partnerRoutes } from './routes/partner'
import { payoutAccountRoutes } from './routes/payout-account'
import { partnerPoolRoutes } from './routes/partner-pools'
import { poolRoutes } from './routes/pools'
import { reconciliationRoutes } from './routes/reconciliation'
import { stripeWebhookRoutes } from './routes/stripe-webhooks'
import { teamRoutes } from './routes/team'
import { uploadRoutes } from './routes/uploads'

const PROVIDER_PATHS = ['/claims', '/claims/*', '/uploads', '/uploads/*', '/live']

/**
 * The HTTP API under /api/v1. Health and the description are public; auth routes are public but
 * rate-limited; provider routes need a session or an API key and a permission; admin routes need
 * Cloudflare Access; partner routes need a signed request. Each route family declares its own guard.
 */
export function createApi() {
  const api = apiRouter().basePath('/api/v1')
  api.use(
    '*',
    cors({
      origin: (origin, c) => (readConfig(c.env).CORS_ORIGINS.includes(origin) ? origin : null),
      allowHeaders: ['content-type', 'authorization', 'x-csrf-token', 'x-claimpay-key', 'x-claimpay-timestamp', 'x-claimpay-nonce', 'x-claimpay-content-sha256', 'x-claimpay-signature'],
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
      credentials: true,
      maxAge: 600,
    }),
  )
  api.route('/', healthRoutes)
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'ClaimPay API', version: '1.0.0', description: 'Same-day payment for insurance claims. Errors are RFC 9457 problem details.' },
  })
  api.use('*', apiContext)
  api.use('*', async (c, next) => {
    await next()
    // Seal the audit rows a change wrote, after the response; the cron seals whatever this misses.
    if (c.req.method !== 'GET' && c.var.deps) c.executionCtx.waitUntil(sealAuditLog(c.var.deps.db).catch(() => 0))
  })
  for (const path of PROVIDER_PATHS) {
    api.use(path, authenticate(), rateLimit((env) => env.API_LIMITER, (c) => `provider:${c.var.principal.kind === 'user' ? c.var.principal.userId : c.var.principal.keyId}`), csrfProtection)
  }
  api.on('GET', ['/claims', '/claims/*', '/uploads/*', '/live'], requirePermission('claims:read'))
  api.on('POST', '/claims', requirePermission('claims:write'), requireJson, jsonBodyLimit)
  api.on('POST', '/uploads', requirePermission('uploads:write'))
  api.route('/', authRoutes)
  api.route('/', teamRoutes)
  api.route('/', claimRoutes)
  api.route('/', uploadRoutes)
  api.route('/', liveRoutes)
  api.route('/', adminRoutes)
  api.route('/', cutRuleRoutes)
  api.route('/', ledgerRoutes)
  api.route('/', reconciliationRoutes)
  api.route('/', generationRoutes)
  api.route('/', riskRoutes)
  api.route('/', partnerRoutes)
  api.route('/', poolRoutes)
  api.route('/', partnerPoolRoutes)
  api.route('/', payoutAccountRoutes)
  // Signed by Stripe, not by a session: outside PROVIDER_PATHS, so no session or CSRF middleware.
  api.route('/', stripeWebhookRoutes)
  api.route('/', devRoutes)
  api.notFound(notFound)
  api.onError(onError)
  return api
}
