import { readConfig, stripeSettings } from '../../worker/config'
import { mulberry32 } from '../../worker/generator/prng'
import type { FaultMode } from '../../scripts/stripe-local'
import { reverseReturnedPayouts } from '../../worker/payments/d1/returned-payouts'
import { createStripeClient } from '../../worker/payments/stripe'
import { stripePayoutRail } from '../../worker/payments/stripe-rail-from-settings'
import { type PipelineDeps, redriveStalled } from '../../worker/pipeline'
import { pipelineDeps } from '../../worker/platform'
import { crashingRail } from './crashing-rail'
import { answerPayers } from './payer-answers'
import { PoolFunding } from './pool-funding'
import { simBindings, simConsumers } from './sim-runtime'
import { breaches, type InvariantBreach, moneyFigures, type MoneyFigures } from './invariants'
import { type SimQueueName, SimQueues } from './sim-queues'
import { buildWorld } from './sim-world'
import { stripeControl } from './stripe-control'
import { WebhookCourier } from './webhook-courier'

export type SimOptions = {
  claims: number
  seed: number
  practices?: number
  /** A line per round (queue depths, the clock): long runs show they are moving. */
  progress?: (line: string) => void
}

/** How the harness reaches the Worker's HTTP routes (the Stripe webhook) with the run's bindings. */
export type CallWorker = (request: Request, env: Env) => Promise<Response>

export type SimReport = MoneyFigures & {
  seed: number
  negative_pool_balance: boolean
  lowest_pool_cash_cents: number
  rounds: number
  faults: Record<string, number>
  breaches: InvariantBreach[]
}

/** How often each fault strikes. Fixed: the seed decides where they land, not how many there are. */
const FAULTS = {
  duplicateDelivery: 0.3,
  lostAck: 0.1,
  crashAfterRail: 0.1,
  stripeFaultPerPayBatch: 0.1,
  payerCrashBeforeForget: 0.2,
  webhookDuplicate: 0.3,
  webhookHoldBack: 0.3,
  depositReplayed: 0.5,
}
const STRIPE_FAULTS: { mode: FaultMode; persistUnderKey: boolean }[] = [
  { mode: 'error', persistUnderKey: true }, // a 500 Stripe stores under the key and replays until it expires
  { mode: 'error', persistUnderKey: false },
  { mode: 'drop', persistUnderKey: false },
  { mode: 'error-after-success', persistUnderKey: false },
  { mode: 'drop-after-success', persistUnderKey: false }, // the transfer is made, the answer is lost
]
const ORDER: SimQueueName[] = ['claims-ingest', 'claims-code', 'claims-score', 'claims-pay', 'payer-submit', 'payer-remit', 'notifications']
const BATCHES_PER_ROUND = 100
const MAX_ROUNDS = 2_000
/** A message delivered this often is stuck behind a 500 Stripe replays under its key: time moves past the key's 24 hours. */
const STUCK_ATTEMPTS = 6
const DAY_SECONDS = 86_400
/** The payers answer as if their longest delay had passed: every claim filed is due. */
const PAYER_HORIZON_MS = 120 * DAY_SECONDS * 1000
/** Pool 1 starts with this share of what the approved claims will need; the rest arrives as claims wait. */
const OPENING_FUNDS_SHARE = 0.4

/**
 * Runs the real consumers (parse to remittance), D1, the ledger, the Stripe rail with the SDK against a
 * Stripe-compatible endpoint and the payer simulator, under faults drawn from the seed, until every
 * claim has settled; then reads where the money stands and checks the invariants. `env` must point
 * STRIPE_API_BASE at an endpoint this run owns (its faults and clock are the run's).
 */
export async function runPaymentsSim(env: Env, callWorker: CallWorker, options: SimOptions): Promise<SimReport> {
  const random = mulberry32(options.seed)
  const faults: Record<string, number> = {}
  const count = (name: string) => (faults[name] = (faults[name] ?? 0) + 1)
  const config = readConfig(env)
  const settings = stripeSettings(config)
  if (!settings || !config.STRIPE_WEBHOOK_SECRET) throw new Error('the payments simulation needs STRIPE_API_BASE, STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET')
  const stripe = createStripeClient(settings)
  const control = stripeControl(`${settings.protocol}://${settings.host}:${settings.port}`)
  await control.clearFaults()
  await control.topUp(Math.max(1, options.claims) * 1_000_000)
  let nowMs = (await control.now()) * 1000
  const now = () => new Date(nowMs)
  const advance = async (seconds: number) => (nowMs = (await control.advanceClock(seconds)) * 1000)

  const queues = new SimQueues(random, { duplicate: FAULTS.duplicateDelivery, lostAck: FAULTS.lostAck })
  const runId = `${options.seed.toString(36)}x${Date.now().toString(36).slice(-5)}`
  // Service dates come before the real today, which the parse step checks them against (the run's clock runs ahead).
  const world = await buildWorld(env, queues, { seed: options.seed, claims: options.claims, practices: options.practices ?? 4, runId, today: new Date().toISOString().slice(0, 10) })

  const simEnv = simBindings(env, queues)
  const deps: PipelineDeps = { ...pipelineDeps(simEnv), queues, now, rail: crashingRail(stripePayoutRail(settings, env.DB, now), random, FAULTS.crashAfterRail, () => count('crash_after_rail')) }
  const consumers = simConsumers(simEnv, deps)
  const courier = new WebhookCourier(random, { duplicate: FAULTS.webhookDuplicate, holdBack: FAULTS.webhookHoldBack }, config.STRIPE_WEBHOOK_SECRET, (r) => callWorker(r, simEnv))
  const funding = new PoolFunding(env.DB, world, { random, chance: FAULTS.depositReplayed, replayed: () => count('deposit_replayed') })
  await funding.deposit(0, Math.round((await funding.billedCents()) * OPENING_FUNDS_SHARE), now())

  let lowestPoolCash = 0
  let rounds = 0
  for (; rounds < MAX_ROUNDS; rounds++) {
    for (const queue of ORDER) {
      for (let b = 0; b < BATCHES_PER_ROUND; b++) {
        const taken = queues.takeBatch(queue, random.int(1, 10))
        if (!taken) break
        if (queue === 'claims-pay' && random.chance(FAULTS.stripeFaultPerPayBatch)) {
          const fault = random.pick(STRIPE_FAULTS)
          await control.injectFault({ method: 'POST', pathPrefix: random.chance(0.5) ? '/v1/transfers' : '/v1/payouts', mode: fault.mode, persistUnderKey: fault.persistUnderKey, count: 1 })
          count(`stripe_${fault.mode}${fault.persistUnderKey ? '_replayed' : ''}`)
        }
        await consumers[queue](taken.batch)
        taken.settle()
      }
    }
    options.progress?.(`round ${rounds}: ${ORDER.map((q) => `${q}=${queues.size(q)}`).join(' ')} stuck=${queues.maxAttempts()} webhooks=${courier.pending()} clock=${now().toISOString()}`)
    await answerPayers(env, world, queues, nowMs + PAYER_HORIZON_MS, { random, chance: FAULTS.payerCrashBeforeForget, crashed: () => count('payer_crash_before_forget') })
    await courier.deliver((await control.objects()).events)
    lowestPoolCash = Math.min(lowestPoolCash, ...Object.values(await funding.poolCash()))

    if (queues.maxAttempts() >= STUCK_ATTEMPTS) {
      count('clock_past_key_window')
      await advance(DAY_SECONDS + 3_600)
      continue
    }
    if (queues.size() > 0 || courier.pending() > 0) continue
    // Quiet: claims waiting for funds get a partner's deposit and are sent on, as the pools screen would.
    const waiting = await funding.waitingCents()
    if (waiting > 0) {
      await funding.deposit(1, waiting, now())
      await redriveStalled(env.DB, { queues }, new Date(nowMs + DAY_SECONDS * 1000), 0)
      continue
    }
    // Returned payouts are taken back from the providers' accounts, as the cron does, until Stripe's events say so.
    const sweep = await reverseReturnedPayouts(env.DB, stripe)
    if (sweep.asked > 0) {
      count('reversal_sweeps')
      // A reversal Stripe refused with a 500 stored under its key is refused again until the key expires:
      // the cron would try again the next day.
      if (sweep.failed > 0) {
        count('clock_past_key_window')
        await advance(DAY_SECONDS + 3_600)
      }
      await courier.deliver((await control.objects()).events, true)
      continue
    }
    // Settle the payouts (two days to the bank) and deliver what that tells: done when nothing more happens.
    await advance(3 * DAY_SECONDS)
    const delivered = await courier.deliver((await control.objects()).events, true)
    if (!delivered && queues.size() === 0) break
  }
  await control.clearFaults()

  const figures = await moneyFigures(env.DB, world, await control.objects())
  const report: SimReport = {
    ...figures,
    seed: options.seed,
    negative_pool_balance: lowestPoolCash < 0,
    lowest_pool_cash_cents: lowestPoolCash,
    rounds,
    faults: { ...faults, ...prefixed('queue_', queues.stats), ...prefixed('webhook_', courier.stats) },
    breaches: breaches(figures, lowestPoolCash),
  }
  if (rounds >= MAX_ROUNDS) report.breaches.push({ invariant: 'the run settles', detail: `still moving after ${MAX_ROUNDS} rounds` })
  return report
}

const prefixed = (prefix: string, stats: Record<string, number>) => Object.fromEntries(Object.entries(stats).map(([k, v]) => [`${prefix}${k}`, v]))
