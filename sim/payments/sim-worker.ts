import { z } from 'zod'
import app from '../../worker/index'
import { benchPayments } from './bench-payments'
import { runPaymentsSim } from './run-payments-sim'

// The payments simulation as a Worker, for `npm run sim:payments` and `npm run bench:payments`: the
// product's bindings and Durable Objects, and routes that run inside the runtime and answer with JSON.
export { PayerSimulator, ProviderHub, RiskTrainer, ScenarioRunner } from '../../worker/index'

const Claims = z.number().int().min(1).max(100_000)
const RunRequest = z.strictObject({ claims: Claims, seed: z.number().int().min(0).max(2 ** 31 - 1), practices: z.number().int().min(1).max(20).optional() })
const BenchRequest = z.strictObject({ claims: Claims })

async function body<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const parsed = schema.safeParse(await request.json().catch(() => null))
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, response: Response.json({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, { status: 400 }) }
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url)
    if (request.method === 'POST' && pathname === '/run') {
      const run = await body(request, RunRequest)
      if (!run.ok) return run.response
      const callWorker = (r: Request, bindings: Env) => app.fetch(r as Parameters<typeof app.fetch>[0], bindings, ctx)
      return Response.json(await runPaymentsSim(env, callWorker, { ...run.value, progress: (line) => console.warn(line) }))
    }
    if (request.method === 'POST' && pathname === '/bench') {
      const bench = await body(request, BenchRequest)
      if (!bench.ok) return bench.response
      return Response.json(await benchPayments(env, bench.value.claims))
    }
    return new Response('POST /run {"claims": N, "seed": S} or POST /bench {"claims": N}', { status: 404 })
  },
} satisfies ExportedHandler<Env>
