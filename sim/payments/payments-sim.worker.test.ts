import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { type CallWorker, runPaymentsSim } from './run-payments-sim'

// The fault simulation in the tests: the real consumers, D1, ledger and payer simulator, the Stripe SDK
// against the simulation's own endpoint. Whatever the seed puts where, the invariants must hold.

/** Test-only bindings (vitest.config.ts): the simulation's endpoint, and a developer's size and progress switches. */
const sim = env as unknown as { SIM_STRIPE_API_BASE: string; SIM_CLAIMS: string; SIM_PROGRESS: string }
const CLAIMS = Number(sim.SIM_CLAIMS || 600)

const simEnv: Env = {
  ...env,
  STRIPE_API_BASE: sim.SIM_STRIPE_API_BASE,
  STRIPE_SECRET_KEY: 'sk_test_simulation',
  STRIPE_WEBHOOK_SECRET: `whsec_sim${crypto.randomUUID().replaceAll('-', '')}`,
}

const callWorker: CallWorker = async (request, bindings) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

describe('payments under faults', () => {
  it.each([1, 2, 3])('seed %i: every approved claim is paid exactly once, the ledger balances and no pool goes below zero', async (seed) => {
    const report = await runPaymentsSim(simEnv, callWorker, { claims: CLAIMS, seed, ...(sim.SIM_PROGRESS ? { progress: (line) => console.warn(line) } : {}) })
    if (sim.SIM_PROGRESS) console.warn(JSON.stringify(report))
    expect(report.breaches).toEqual([])
    expect(report.claims).toBeGreaterThan(0)
    expect(report.approved).toBeGreaterThan(0)
    expect(report.paid_once).toBe(report.approved)
    expect(report.paid_twice).toBe(0)
    expect(report.negative_pool_balance).toBe(false)
    expect(report.reconciled).toBeGreaterThan(0)
    // The run did meet the faults it claims to survive.
    for (const fault of ['crash_after_rail', 'queue_lostAcks', 'queue_duplicates', 'webhook_duplicates', 'webhook_heldBack']) expect(report.faults[fault], fault).toBeGreaterThan(0)
  }, 600_000)
})
