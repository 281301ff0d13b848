import {
  consumeClaimsCode,
  consumeClaimsIngest,
  consumeClaimsPay,
  consumeClaimsScore,
  consumeDeadLetters,
  consumeNotifications,
  consumePayerSubmit,
} from '../queues'
import { createApi } from './api'
import { renderPage } from './pages/kit-handler'
import { redriveStalled } from './pipeline'
import { stageQueues } from './platform'

export { ProviderHub } from '../durable-objects/provider-hub'

const api = createApi()

const CONSUMERS: Record<string, (batch: MessageBatch<unknown>, env: Env) => Promise<void>> = {
  'claims-ingest': consumeClaimsIngest,
  'claims-code': consumeClaimsCode,
  'claims-score': consumeClaimsScore,
  'claims-pay': consumeClaimsPay,
  'payer-submit': consumePayerSubmit,
  notifications: consumeNotifications,
}

/** A claim untouched this long in a moving status is re-driven by the cron. */
const STALE_AFTER_MS = 10 * 60 * 1000

export default {
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url)
    if (pathname === '/api' || pathname.startsWith('/api/')) return api.fetch(request, env, ctx)
    return renderPage(request, env, ctx, { fetch: (r) => Promise.resolve(api.fetch(r, env, ctx)) })
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
    const result = await redriveStalled(env.DB, { queues: stageQueues(env) }, new Date(controller.scheduledTime), STALE_AFTER_MS)
    if (result.claims || result.uploads) console.info(JSON.stringify({ level: 'info', at: 'cron', redriven: result }))
  },
} satisfies ExportedHandler<Env, unknown>
