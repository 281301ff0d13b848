import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test'
import type { ObjectsSnapshot } from '../../scripts/stripe-local'
import worker from '../index'
import type { Role } from '../identity'
import { sessionHeaders, signedInAs } from './sessions'
import { signStripe } from './sign-stripe'

export { signStripe }

/**
 * Payout tests run the Worker with the Stripe rail switched on: the same bindings plus a secret key
 * and a webhook secret (both local values). Other tests keep the sandbox rail, because the bindings
 * they share have no STRIPE_SECRET_KEY.
 */
export const TEST_WEBHOOK_SECRET = `whsec_test${crypto.randomUUID().replaceAll('-', '')}`

export function stripeEnv(): Env {
  return { ...env, STRIPE_SECRET_KEY: 'sk_test_workers', STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET }
}

/** A request to the Worker (not SELF: that one has the shared bindings) as a member of `provider`. */
export async function stripeApi(path: string, provider: string, init: RequestInit = {}, role: Role = 'admin', bindings: Env = stripeEnv()): Promise<Response> {
  const headers = sessionHeaders(await signedInAs(provider, role), init.headers)
  return callWorker(new Request(`https://claimpay.test/api/v1${path}`, { ...init, headers }), bindings)
}

export async function callWorker(request: Request, bindings: Env = stripeEnv()): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** One delivery of a batch to the claims-pay consumer with the Stripe rail, as the runtime would. */
export async function deliverPay(claimId: string, providerId: string, copies = 1) {
  const batch = createMessageBatch(
    'claims-pay',
    Array.from({ length: copies }, (_, i) => ({ id: `m-${crypto.randomUUID()}-${i}`, timestamp: new Date(), attempts: 1, body: { step: 'pay', claimId, providerId } })),
  )
  const ctx = createExecutionContext()
  await worker.queue(batch, stripeEnv(), ctx)
  return getQueueResult(batch, ctx)
}

/** The local Stripe endpoint's control API (not Stripe): its objects, the clock, settlement. */
export async function stripeControl<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.STRIPE_API_BASE}/__control${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`control ${path} answered ${res.status}`)
  return (await res.json()) as T
}

export const stripeObjects = () => stripeControl<ObjectsSnapshot>('/objects')

/** Delivers an event to the Worker's webhook route as Stripe does (pretty-printed JSON, signed). */
export async function deliverWebhook(event: unknown, opts: { secret?: string; timestamp?: number; bindings?: Env } = {}): Promise<Response> {
  const body = JSON.stringify(event, null, 2)
  const signature = await signStripe(body, opts.secret ?? TEST_WEBHOOK_SECRET, opts.timestamp)
  return callWorker(new Request('https://claimpay.test/api/v1/webhooks/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body }), opts.bindings)
}
