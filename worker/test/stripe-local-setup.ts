// Global setup of the workers test project, run in Node (workerd cannot listen on a port): the
// Stripe-compatible local endpoints the payout rail talks to in tests. Their URLs reach the Worker as
// bindings (vitest.config.ts reads them from the environment this sets).
import { startStripeLocal } from '../../scripts/stripe-local'
import type { StripeLocal } from '../../scripts/stripe-local'

/** Where vitest.config.ts finds the endpoint's URL once this setup has run. */
export const STRIPE_LOCAL_URL_VAR = 'CLAIMPAY_TEST_STRIPE_URL'
/**
 * The payments fault simulation's own endpoint: it arms faults and moves the clock, which would reach
 * every other test's calls on a shared one.
 */
export const SIM_STRIPE_URL_VAR = 'CLAIMPAY_TEST_SIM_STRIPE_URL'

const servers: StripeLocal[] = []

export async function setup(): Promise<void> {
  // Free ports (0): several test runs on one machine must not collide.
  const shared = await startStripeLocal({
    port: 0,
    // Webhooks are held: a test fetches the events and delivers them to the Worker itself, signed.
    webhookMode: 'manual',
    // Enough for every transfer the tests make; Stripe's platform balance comes from charges.
    platformBalance: 1_000_000_000_00,
  })
  // Its clock moves only when the simulation moves it (payouts settle, idempotency keys expire).
  const sim = await startStripeLocal({ port: 0, webhookMode: 'manual', platformBalance: 1_000_000_000_00, startTime: Math.floor(Date.now() / 1000), log: () => {} })
  servers.push(shared, sim)
  process.env[STRIPE_LOCAL_URL_VAR] = shared.url
  process.env[SIM_STRIPE_URL_VAR] = sim.url
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()))
}
