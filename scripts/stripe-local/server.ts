import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleApiRequest } from './api'
import type { ApiServer } from './api'
import { Clock } from './clock'
import type { ApiContext } from './context'
import { createControl } from './control'
import type { StripeLocalControl } from './control'
import { handleControlRequest } from './control-routes'
import { errorBody, stripeErrors } from './errors'
import { EventBus } from './events'
import { FaultPlan } from './faults'
import { dropConnection, headerRecord, readBody, sendJson } from './http-io'
import { IdFactory } from './ids'
import { IdempotencyStore } from './idempotency'
import { DEFAULTS } from './options'
import type { StripeLocalOptions } from './options'
import { StatePersister, savingAfterEach } from './persistence'
import { STRIPE_FAILING_TEST_ACCOUNTS } from './resources/bank-account'
import { Store } from './store'
import { WebhookDispatcher } from './webhooks'

export type StripeLocal = {
  /** e.g. http://127.0.0.1:12111 */
  url: string
  host: string
  port: number
  control: StripeLocalControl
  close(): Promise<void>
}

const CONTROL_PREFIX = '/__control'

/** Starts the in-memory Stripe-compatible endpoint and resolves once it listens. */
export async function startStripeLocal(options: StripeLocalOptions = {}): Promise<StripeLocal> {
  const clock = new Clock(options.startTime)
  const ids = new IdFactory(options.seed === undefined ? undefined : String(options.seed))
  const store = new Store(options.platformBalance ?? DEFAULTS.platformBalance)
  const webhooks = new WebhookDispatcher({
    endpoint: options.webhookUrl ? { url: options.webhookUrl, secret: options.webhookSecret ?? '' } : null,
    mode: options.webhookMode ?? DEFAULTS.webhookMode,
    retryBaseMs: options.webhookRetryBaseMs ?? DEFAULTS.webhookRetryBaseMs,
    retryMaxMs: options.webhookRetryMaxMs ?? DEFAULTS.webhookRetryMaxMs,
    maxAttempts: options.webhookMaxAttempts ?? DEFAULTS.webhookMaxAttempts,
    onChange: () => persistence?.save(),
  })
  if (options.webhookUrl && !options.webhookSecret) throw new Error('webhookSecret is required with webhookUrl')

  let seenVersion: string | null = null
  const apiVersion = () => options.apiVersion ?? seenVersion ?? DEFAULTS.apiVersion
  const events = new EventBus({ store, ids, clock, webhooks, apiVersion })
  const ctx: ApiContext = {
    store,
    ids,
    clock,
    events,
    settings: {
      payoutArrivalSeconds: options.payoutArrivalSeconds ?? DEFAULTS.payoutArrivalSeconds,
      failingAccountNumbers: options.failingAccountNumbers ?? STRIPE_FAILING_TEST_ACCOUNTS,
    },
  }
  const idempotency = new IdempotencyStore(clock)
  const persistence = options.stateFile
    ? StatePersister.open(
        options.stateFile,
        { store, idempotency, clock, ids, webhooks, apiVersionSeen: { get: () => seenVersion, set: (v) => (seenVersion = v) } },
        // Not through `log`: a state file set aside must be seen even when request logging is off.
        (line) => console.error(`[stripe-local] ${line}`),
      )
    : null
  const faults = new FaultPlan()
  const api: ApiServer = {
    ctx,
    idempotency,
    faults,
    apiKeys: options.apiKeys ?? null,
    noteApiVersion(version) {
      if (version) seenVersion = version
      return version ?? apiVersion()
    },
  }
  const bareControl = createControl({ ctx, idempotency, faults, webhooks })
  const control = persistence ? savingAfterEach(bareControl, () => persistence.save()) : bareControl
  const log = options.log ?? (() => {})

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      log(`internal error: ${e instanceof Error ? e.message : String(e)}`)
      if (!res.headersSent) sendJson(res, 500, errorBody(stripeErrors.apiError()))
      else res.destroy()
    })
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stripe.local')
    const method = (req.method ?? 'GET').toUpperCase()
    const body = await readBody(req)
    if (!body.ok) return sendJson(res, 413, errorBody(stripeErrors.bodyTooLarge()))
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      const out = await handleControlRequest(control, method, url.pathname.slice(CONTROL_PREFIX.length), body.body)
      return sendJson(res, out.status, out.body)
    }
    const headers = headerRecord(req)
    const out = handleApiRequest(api, { method, path: url.pathname, query: url.search.slice(1), body: body.body, headers })
    // Before the response leaves: what a client was told happened is on disk.
    persistence?.save()
    if (out.kind === 'drop') {
      log(`${method} ${url.pathname} dropped (injected fault)`)
      return dropConnection(res)
    }
    log(
      `${method} ${url.pathname} ${out.status} ${out.headers['Request-Id']}` +
        (headers['stripe-account'] ? ` account=${headers['stripe-account']}` : '') +
        (out.headers['Idempotent-Replayed'] ? ' replayed' : ''),
    )
    sendJson(res, out.status, out.body, out.headers)
  }

  const host = options.host ?? DEFAULTS.host
  await new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => {
      // Deliveries restored from a state file would otherwise keep retrying for a server that never started.
      webhooks.close()
      reject(e)
    }
    server.once('error', failed)
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off('error', failed)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://${host}:${port}`,
    host,
    port,
    control,
    close: async () => {
      webhooks.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Keep-alive sockets from the SDK's fetch would otherwise hold close() open.
        server.closeAllConnections()
      })
      persistence?.close()
    },
  }
}
