import { startSimRuntime } from '../scripts/sim-runtime-server'
import { machineInfo, writeResults } from './support/results'

/**
 * Money stages in the local runtime (workerd, fresh D1, the local Stripe-compatible endpoint):
 * payouts a second through the claims-pay consumer on the Stripe rail, and 835 claim payments posted a
 * second by the payer-remit consumer, each beside an anchor measured in the same run (the same pay step
 * on the sandbox rail, which makes no HTTP calls; the same 835 files only parsed). One consumer, batches
 * of 10 in a row: a floor for one queue consumer, not the runtime's ceiling with several.
 * Run: npm run bench:payments   (BENCH_CLAIMS, default 2000)
 */

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 2_000)

const startedAt = new Date()
console.log(`bench:payments: ${CLAIMS} claims through the pay stage (Stripe rail, then the sandbox rail as the anchor) and 835 posting ...`)
const runtime = await startSimRuntime({ logs: false })
try {
  const { status, body } = await runtime.post('/bench', { claims: CLAIMS })
  if (status !== 200) throw new Error(`the benchmark route answered ${status}: ${JSON.stringify(body).slice(0, 400)}`)
  const figures = body as { payStage: { perSecond: number }; payStageSandbox: { perSecond: number }; posting: { perSecond: number }; parsingOnly: { perSecond: number } }
  const result = {
    bench: 'payments',
    startedAt: startedAt.toISOString(),
    machine: machineInfo(),
    runtime: 'workerd via wrangler (no inspector), fresh D1, local Stripe-compatible endpoint over HTTP',
    ...figures,
    ratios: {
      payStripeOverSandbox: Math.round((figures.payStage.perSecond / figures.payStageSandbox.perSecond) * 100) / 100,
      postingOverParsing: Math.round((figures.posting.perSecond / figures.parsingOnly.perSecond) * 1000) / 1000,
    },
  }
  writeResults('payments', result)
  console.log(JSON.stringify(result, null, 2))
} finally {
  await runtime.stop()
}
