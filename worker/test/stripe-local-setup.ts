// Global setup of the workers test project, run in Node (workerd cannot listen on a port): the
// Stripe-compatible local endpoint the payout rail talks to in tests. Its URL reaches the Worker as the
// STRIPE_API_BASE binding (vitest.config.ts reads it from the environment this sets).
import { startStripeLocal } from '../../scripts/stripe-local'
import type { StripeLocal } from '../../scripts/stripe-local'

/** Where vitest.config.ts finds the endpoint's URL once this setup has run. */
export const STRIPE_LOCAL_URL_VAR = 'CLAIMPAY_TEST_STRIPE_URL'

let server: StripeLocal | null = null

export async function setup(): Promise<void> {
  // A free port (0): several test runs on one machine must not collide.
  server = await startStripeLocal({
    port: 0,
    // Webhooks are held: a test fetches the events and delivers them to the Worker itself, signed.
    webhookMode: 'manual',
    // Enough for every transfer the tests make; Stripe's platform balance comes from charges.
    platformBalance: 1_000_000_000_00,
  })
  process.env[STRIPE_LOCAL_URL_VAR] = server.url
}

export async function teardown(): Promise<void> {
  await server?.close()
  server = null
}
