import {
  consumeClaimsCode,
  consumeClaimsIngest,
  consumeClaimsPay,
  consumeClaimsScore,
  consumeDeadLetters,
  consumeNotifications,
  consumePayerRemit,
  consumePayerSubmit,
} from '../queues'
import { createApi, problemBody, problemResponse } from './api'
import { ACCESS_HEADER, verifyAdminAccess } from './api/middleware/admin-access'
import { readConfig, stripeSettings } from './config'
import { identityDeps, pruneNonces, reencryptBatch, sealAuditLog } from './identity'
import { renderPage } from './pages/kit-handler'
import { checkFundingShortageInWorker } from './payments/d1/d1-funding-shortage'
import { reverseReturnedPayouts } from './payments/d1/returned-payouts'
import { createStripeClient } from './payments/stripe'
import { redriveStalled } from './pipeline'
import { RISK_TRAINING_CRON, trainOnSchedule } from './risk/training'
import { stageQueues } from './platform'
import { emulateAccessEdge, refreshSessionOnRequest, withSecurityHeaders } from './web'

export { ProviderHub } from '../durable-objects/provider-hub'
export { ScenarioRunner } from '../durable-objects/scenario-runner'
export { RiskTrainer } from '../durable-objects/risk-trainer'
export { PayerSimulator } from '../durable-objects/payer-simulator'

const api = createApi()

const CONSUMERS: Record<string, (batch: MessageBatch<unknown>, env: Env) => Promise<void>> = {
  'claims-ingest': consumeClaimsIngest,
  'claims-code': consumeClaimsCode,
  'claims-score': consumeClaimsScore,
  'claims-pay': consumeClaimsPay,
  'payer-submit': consumePayerSubmit,
  'payer-remit': consumePayerRemit,
  notifications: consumeNotifications,
}

/** A claim untouched this long in a moving status is re-driven by the cron. */
const STALE_AFTER_MS = 10 * 60 * 1000

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/')
const isAdminPage = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/')

async function route(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (isApi(pathname)) return api.fetch(request, env, ctx)
  // Admin pages are refused before anything renders, as the admin API is.
  if (isAdminPage(pathname)) {
    const access = await verifyAdminAccess(request.headers.get(ACCESS_HEADER) ?? undefined, readConfig(env), env)
    if (!access.ok) return problemResponse(problemBody(401, 'access-required', 'ClaimPay staff only', 'Sign in through Cloudflare Access.'))
  }
  return renderPage(request, env, ctx, { fetch: (r) => Promise.resolve(api.fetch(r, env, ctx)) })
}

export default {
  async fetch(request, env, ctx) {
    const { request: session, setCookies } = await refreshSessionOnRequest(emulateAccessEdge(request, env), env).catch(() => ({ request, setCookies: [] as string[] }))
    const response = withSecurityHeaders(await route(session, env, ctx), isApi(new URL(request.url).pathname) ? 'api' : 'page')
    // A route that set a session cookie itself (sign-in, sign-out) has the last word: appended after it,
    // the cookies refreshed on the way in would put the old session back in the browser.
    const routeSet = new Set(response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf('='))))
    for (const cookie of setCookies) if (!routeSet.has(cookie.slice(0, cookie.indexOf('=')))) response.headers.append('set-cookie', cookie)
    return response
  },

  async queue(batch, env, _ctx) {
    const consumer = batch.queue.endsWith('-dlq') ? consumeDeadLetters : CONSUMERS[batch.queue]
    if (!consumer) {
      console.error(JSON.stringify({ level: 'error', at: 'queue', error: 'no consumer', queue: batch.queue }))
      batch.retryAll()
      return
    }
    await consumer(batch, env)
  },

  async scheduled(controller, env, _ctx) {
    if (controller.cron === RISK_TRAINING_CRON) {
      await trainOnSchedule(env, new Date(controller.scheduledTime))
      return
    }
    const result = await redriveStalled(env.DB, { queues: stageQueues(env) }, new Date(controller.scheduledTime), STALE_AFTER_MS)
    if (result.claims || result.uploads) console.info(JSON.stringify({ level: 'info', at: 'cron', redriven: result }))
    // Returned payouts: their transfers are taken back so the money returns to its pool.
    const stripe = stripeSettings(readConfig(env))
    if (stripe) {
      const sweep = await reverseReturnedPayouts(env.DB, createStripeClient(stripe))
      if (sweep.asked) console.info(JSON.stringify({ level: 'info', at: 'cron', payoutReversals: sweep }))
    }
    // One alert per shortage episode: claims waiting because no pool can cover them.
    const shortage = await checkFundingShortageInWorker(env, new Date(controller.scheduledTime), readConfig(env).FUNDING_ALERT_EMAIL)
    if (shortage.opened || shortage.resolved) console.info(JSON.stringify({ level: 'info', at: 'cron', fundingShortage: { opened: shortage.opened, resolved: shortage.resolved } }))
    // Housekeeping for identity: seal the audit chain, forget expired nonces, move sealed fields to the active key.
    const deps = await identityDeps(env)
    const sealed = await sealAuditLog(deps.db, 1000)
    await pruneNonces(deps)
    const rotation = await reencryptBatch(deps.db, deps.keyring)
    if (sealed || rotation.reencrypted || rotation.failed) console.info(JSON.stringify({ level: 'info', at: 'cron', auditSealed: sealed, rotation }))
  },
} satisfies ExportedHandler<Env, unknown>
