import { z } from 'zod'
import type { StripeLocalControl } from './control'

/**
 * The control API over HTTP (JSON in, JSON out) under /__control, for processes that cannot hold the
 * in-process `control` object: the fault harness, a browser test, a developer with curl. Not Stripe.
 */
export type ControlOutput = { status: number; body: unknown }

const faultSpec = z.strictObject({
  method: z.string().min(1),
  pathPrefix: z.string().startsWith('/'),
  mode: z.enum(['error', 'drop', 'error-after-success', 'drop-after-success']),
  count: z.number().int().positive().optional(),
  persistUnderKey: z.boolean().optional(),
})

type ControlRoute = { method: string; path: string; run: (control: StripeLocalControl, body: unknown) => unknown }

const routes: ControlRoute[] = [
  { method: 'GET', path: '/objects', run: (c) => c.objects() },
  { method: 'GET', path: '/clock', run: (c) => ({ now: c.now() }) },
  { method: 'POST', path: '/clock/advance', run: (c, b) => c.advanceClock(z.strictObject({ seconds: z.number().nonnegative() }).parse(b).seconds) },
  {
    method: 'POST',
    path: '/payouts/settle',
    run: (c, b) => {
      const p = z.strictObject({ ids: z.array(z.string()).optional(), failureCode: z.string().optional() }).parse(b ?? {})
      return { settled: c.settlePayouts({ ...(p.ids ? { ids: p.ids } : {}), ...(p.failureCode ? { failureCode: p.failureCode } : {}) }) }
    },
  },
  {
    method: 'POST',
    path: '/payouts/fail-next',
    run: (c, b) => {
      c.failNextPayout(z.strictObject({ failureCode: z.string().optional() }).parse(b ?? {}).failureCode)
      return { ok: true }
    },
  },
  { method: 'POST', path: '/faults', run: (c, b) => c.injectFault(faultSpec.parse(b)) },
  { method: 'GET', path: '/faults', run: (c) => ({ faults: c.faults() }) },
  {
    method: 'DELETE',
    path: '/faults',
    run: (c) => {
      c.clearFaults()
      return { ok: true }
    },
  },
  {
    method: 'POST',
    path: '/webhooks/deliver',
    run: async (c, b) => {
      const p = z.strictObject({ shuffleSeed: z.number().int().optional() }).parse(b ?? {})
      return { results: await c.deliverWebhooks(p.shuffleSeed === undefined ? {} : { shuffleSeed: p.shuffleSeed }) }
    },
  },
  {
    method: 'POST',
    path: '/webhooks/duplicate-next',
    run: (c, b) => {
      c.duplicateNextWebhook(z.strictObject({ count: z.number().int().positive().optional() }).parse(b ?? {}).count)
      return { ok: true }
    },
  },
  {
    method: 'POST',
    path: '/webhooks/tamper-next',
    run: (c, b) => {
      c.tamperNextWebhook(z.strictObject({ kind: z.enum(['bad-signature', 'stale-timestamp']) }).parse(b).kind)
      return { ok: true }
    },
  },
  {
    method: 'POST',
    path: '/webhooks/mode',
    run: (c, b) => {
      c.setWebhookMode(z.strictObject({ mode: z.enum(['auto', 'manual']) }).parse(b).mode)
      return { ok: true }
    },
  },
  {
    method: 'POST',
    path: '/webhooks/endpoint',
    run: (c, b) => {
      const p = z.strictObject({ url: z.url(), secret: z.string().min(1) }).nullable().parse(b)
      c.setWebhookEndpoint(p)
      return { ok: true }
    },
  },
  { method: 'GET', path: '/webhooks', run: (c) => ({ deliveries: c.webhookDeliveries() }) },
  {
    method: 'POST',
    path: '/balance/top-up',
    run: (c, b) => c.topUpPlatformBalance(z.strictObject({ amount: z.number().int().positive() }).parse(b).amount),
  },
  {
    method: 'POST',
    path: '/reset',
    run: (c) => {
      c.reset()
      return { ok: true }
    },
  },
]

export async function handleControlRequest(control: StripeLocalControl, method: string, subpath: string, rawBody: string): Promise<ControlOutput> {
  const route = routes.find((r) => r.method === method && r.path === subpath)
  if (!route) return { status: 404, body: { error: { message: `No control operation ${method} /__control${subpath}` } } }
  let body: unknown = undefined
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody)
    } catch {
      return { status: 400, body: { error: { message: 'Control requests take a JSON body.' } } }
    }
  }
  try {
    return { status: 200, body: await route.run(control, body) }
  } catch (e) {
    if (e instanceof z.ZodError) return { status: 400, body: { error: { message: 'Invalid control request.', issues: e.issues } } }
    if (e instanceof RangeError) return { status: 400, body: { error: { message: e.message } } }
    throw e
  }
}
