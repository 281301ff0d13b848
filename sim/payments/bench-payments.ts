import { readConfig, stripeSettings } from '../../worker/config'
import { mulberry32 } from '../../worker/generator/prng'
import { loadKeyring } from '../../worker/identity'
import { SandboxPayoutRail } from '../../worker/payments'
import type { PayoutRail } from '../../worker/payments'
import { stripePayoutRail } from '../../worker/payments/stripe-rail-from-settings'
import { read835 } from '../../worker/payers/x12'
import type { PipelineDeps } from '../../worker/pipeline'
import { pipelineDeps, sealedFiles } from '../../worker/platform'
import { answerPayers } from './payer-answers'
import { PoolFunding } from './pool-funding'
import { type SimConsumer, simBindings, simConsumers } from './sim-runtime'
import type { SimQueueName } from './sim-queues'
import { SimQueues } from './sim-queues'
import { buildWorld, type SimWorld } from './sim-world'
import { stripeControl } from './stripe-control'

/** The size of a batch the runtime's queue gives a consumer (max_batch_size in wrangler.toml). */
const BATCH = 10

export type StageFigures = { items: number; seconds: number; perSecond: number }

export type PaymentsBenchResult = {
  claims: number
  /** Approved claims through the claims-pay consumer, Stripe rail (transfer and payout over HTTP to the local endpoint). */
  payStage: StageFigures
  /** The anchor: the same consumer and claims' size, on the sandbox rail (no HTTP): what the pay step costs without Stripe. */
  payStageSandbox: StageFigures
  /** 835 claim payments (CLP) posted by the payer-remit consumer: match, journal, remittance rows, claim moved, history row. */
  posting: StageFigures & { files: number }
  /** The anchor: the same 835 files only read and parsed. */
  parsingOnly: StageFigures
}

/**
 * Throughput of the two money stages in the runtime, one consumer at a time (batches of 10 in a row,
 * no faults). Claims reach each stage untimed; only the stage's own deliveries are on the clock.
 */
export async function benchPayments(env: Env, claims: number): Promise<PaymentsBenchResult> {
  const settings = stripeSettings(readConfig(env))
  if (!settings) throw new Error('the payments benchmark needs STRIPE_API_BASE and STRIPE_SECRET_KEY')
  await stripeControl(`${settings.protocol}://${settings.host}:${settings.port}`).topUp(claims * 2_000_000)

  const stripe = await approvedClaims(env, claims, 'b', (deps) => stripePayoutRail(settings, env.DB, deps.now))
  const payStage = await timed(() => drain(stripe.queues, stripe.consumers, 'claims-pay'), () => paidCount(env.DB, stripe.world))
  const sandbox = await approvedClaims(env, claims, 'a', () => new SandboxPayoutRail())
  const payStageSandbox = await timed(() => drain(sandbox.queues, sandbox.consumers, 'claims-pay'), () => paidCount(env.DB, sandbox.world))

  await drain(stripe.queues, stripe.consumers, 'payer-submit')
  await answerPayers(env, stripe.world, stripe.queues, Date.now() + 365 * 86_400_000, null)
  const files = stripe.queues.size('payer-remit')
  const keys = stripe.queues.peek('payer-remit').map((m) => (m as { fileKey: string }).fileKey)
  const posting = await timed(() => drain(stripe.queues, stripe.consumers, 'payer-remit'), () => postedCount(env.DB, stripe.world))

  const store = sealedFiles(env.FILES, await loadKeyring(env))
  let parsed = 0
  const parsingOnly = await timed(
    async () => {
      for (const key of keys) parsed += read835((await store.getText(key)) ?? '').remittances.reduce((n, r) => n + r.claims.length, 0)
    },
    async () => parsed,
  )
  return { claims, payStage, payStageSandbox, posting: { ...posting, files }, parsingOnly }
}

async function timed(run: () => Promise<void>, items: () => Promise<number>): Promise<StageFigures> {
  const started = Date.now()
  await run()
  const seconds = (Date.now() - started) / 1000
  const n = await items()
  return { items: n, seconds, perSecond: seconds > 0 ? Math.round((n / seconds) * 10) / 10 : 0 }
}

/** A world whose claims have been parsed, coded, scored and approved, waiting on the claims-pay queue. */
async function approvedClaims(env: Env, claims: number, tag: string, rail: (deps: PipelineDeps) => PayoutRail) {
  const queues = new SimQueues(mulberry32(claims), { duplicate: 0, lostAck: 0 })
  const world = await buildWorld(env, queues, { seed: 7, claims, practices: 4, runId: `bench${tag}${Date.now().toString(36)}`, today: new Date().toISOString().slice(0, 10) })
  const funding = new PoolFunding(env.DB, world, null)
  await funding.deposit(0, (await funding.billedCents()) * 2, new Date())
  const simEnv = simBindings(env, queues)
  const base = pipelineDeps(simEnv)
  const deps: PipelineDeps = { ...base, queues }
  deps.rail = rail(deps)
  const consumers = simConsumers(simEnv, deps)
  for (const stage of ['claims-ingest', 'claims-code', 'claims-score'] as const) await drain(queues, consumers, stage)
  queues.clear('notifications')
  return { queues, consumers, world }
}

async function drain(queues: SimQueues, consumers: Record<SimQueueName, SimConsumer>, queue: SimQueueName): Promise<void> {
  for (let taken = queues.takeBatch(queue, BATCH); taken; taken = queues.takeBatch(queue, BATCH)) {
    await consumers[queue](taken.batch)
    taken.settle()
  }
}

const inProviders = (world: SimWorld) => ({ sql: `provider_id IN (${world.practices.map(() => '?').join(', ')})`, params: world.practices.map((p) => p.providerId) })

async function paidCount(d1: D1Database, world: SimWorld): Promise<number> {
  const w = inProviders(world)
  return (await d1.prepare(`SELECT COUNT(*) AS n FROM payouts WHERE status = 'sent' AND ${w.sql}`).bind(...w.params).first<{ n: number }>())?.n ?? 0
}

async function postedCount(d1: D1Database, world: SimWorld): Promise<number> {
  const w = inProviders(world)
  return (await d1.prepare(`SELECT COUNT(*) AS n FROM claims WHERE status = 'reconciled' AND ${w.sql}`).bind(...w.params).first<{ n: number }>())?.n ?? 0
}
