import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unstable_startWorker } from 'wrangler'
import { applyMigrations, ensureAppBuilt, ROOT } from './local-server'
import { startStripeLocal } from './stripe-local'

export type SimRuntime = {
  /** POSTs JSON to the simulation Worker (sim/payments/sim-worker.ts) and returns its status and JSON answer. */
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>
  stop(): Promise<void>
}

/**
 * The payments simulation's runtime for the command line: a fresh D1 (migrations applied), its own
 * Stripe-compatible endpoint with a clock that moves only when the run moves it, and the product's
 * bindings and Durable Objects behind the simulation Worker, served by workerd without the inspector.
 */
export async function startSimRuntime(options: { logs: boolean }): Promise<SimRuntime> {
  // Offline and quiet: stdout carries the result alone (no metrics, no fetch of the Request.cf sample).
  Object.assign(process.env, { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...(options.logs ? {} : { WRANGLER_LOG: 'error' }) })
  const persist = mkdtempSync(join(tmpdir(), 'claimpay-sim-'))
  const stripe = await startStripeLocal({ port: 0, webhookMode: 'manual', platformBalance: 1_000_000_000_00, startTime: Math.floor(Date.now() / 1000), log: () => {} })
  let worker: Awaited<ReturnType<typeof unstable_startWorker>> | undefined
  const stop = async () => {
    await worker?.dispose()
    await stripe.close()
    rmSync(persist, { recursive: true, force: true })
  }
  try {
    ensureAppBuilt() // the product's pages are part of the same configuration
    await applyMigrations(ROOT, persist)
    worker = await unstable_startWorker({
      config: join(ROOT, 'wrangler.toml'),
      entrypoint: join(ROOT, 'sim', 'payments', 'sim-worker.ts'),
      envFiles: [join(ROOT, '.dev.vars.example')],
      bindings: {
        ENVIRONMENT: { type: 'plain_text', value: 'development' },
        STRIPE_API_BASE: { type: 'plain_text', value: stripe.url },
        STRIPE_SECRET_KEY: { type: 'plain_text', value: 'sk_test_simulation' },
        STRIPE_WEBHOOK_SECRET: { type: 'plain_text', value: `whsec_sim${Date.now().toString(36)}` },
        // The harness answers for the payers; their own alarms (real time here) stay out of the way.
        PAYER_TIME_SCALE: { type: 'plain_text', value: '1' },
      },
      dev: { inspector: false, server: { hostname: '127.0.0.1', port: 0 }, persist, watch: false, remote: false, logLevel: options.logs ? 'log' : 'error' },
    })
    await worker.ready
  } catch (error) {
    await stop()
    throw error
  }
  const running = worker
  return {
    async post(path, body) {
      const res = await running.fetch(`http://sim.local${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return { status: res.status, body: await res.json() }
    },
    stop,
  }
}
