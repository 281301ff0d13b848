import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { SIM_STRIPE_URL_VAR, STRIPE_LOCAL_URL_VAR } from './worker/test/stripe-local-setup'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Fresh secrets for each test run: tests never depend on a key that exists anywhere else. */
function testSecrets() {
  const key = () => randomBytes(32).toString('base64')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'dev-test', alg: 'RS256' }
  return {
    PHI_KEYS: `v1:${key()}`,
    PHI_ACTIVE_KEY: 'v1',
    BLIND_INDEX_KEY: key(),
    SESSION_SIGNING_KEY: key(),
    DEV_ACCESS: 'true',
    DEV_ACCESS_PRIVATE_JWK: JSON.stringify(jwk),
    DEV_OUTBOX: 'true',
  }
}

// Two kinds of test beside the code:
//   *.test.ts         plain modules (domain logic, the app's pure helpers), in Node: fast, no bindings
//   *.worker.test.ts  routes, queue consumers, Durable Objects, in workerd with real local bindings
export default defineConfig({
  test: {
    projects: [
      {
        // The app's own aliases, so its pure modules are tested where they live.
        resolve: { alias: { $contracts: here('./worker/contracts'), $lib: here('./app/src/lib') } },
        test: {
          name: 'unit',
          include: ['worker/**/*.test.ts', 'scripts/**/*.test.ts', 'app/src/**/*.test.ts', 'clients/**/*.test.ts', 'sim/**/*.test.ts'],
          exclude: ['**/*.worker.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            // The AI binding has no local simulator: without this the pool asks for a remote session.
            remoteBindings: false,
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
                ...testSecrets(),
                ENVIRONMENT: 'test',
                // The local Stripe endpoint started by the global setup (before this runs). With no
                // secret key (blank even if a developer's .dev.vars has one) the pipeline keeps the
                // sandbox rail; the payout tests add a key to the bindings they call the Worker with.
                STRIPE_API_BASE: process.env[STRIPE_LOCAL_URL_VAR] ?? '',
                STRIPE_SECRET_KEY: '',
                STRIPE_WEBHOOK_SECRET: '',
                // The payments fault simulation's own endpoint (sim/payments).
                SIM_STRIPE_API_BASE: process.env[SIM_STRIPE_URL_VAR] ?? '',
                // SIM_CLAIMS=5000 SIM_PROGRESS=1 npx vitest run sim/payments: a larger run, a line per round.
                SIM_CLAIMS: process.env.SIM_CLAIMS ?? '',
                SIM_PROGRESS: process.env.SIM_PROGRESS ?? '',
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['worker/**/*.worker.test.ts', 'queues/**/*.worker.test.ts', 'durable-objects/**/*.worker.test.ts', 'sim/**/*.worker.test.ts'],
          setupFiles: ['./worker/test/apply-migrations.ts'],
          globalSetup: ['./worker/test/stripe-local-setup.ts'],
          // A claim crosses five queues, each waiting up to max_batch_timeout (1 s) to fill a batch.
          testTimeout: 60_000,
        },
      },
    ],
  },
})
