import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { startStripeLocal } from './server'
import type { StripeLocal } from './server'
import type { StripeLocalOptions } from './options'

/**
 * Helpers for the tests beside this folder: the real SDK pointed at the local endpoint, and a webhook
 * receiver that verifies signatures exactly as the Worker will (constructEventAsync + SubtleCrypto).
 */

export const WEBHOOK_SECRET = 'whsec_test_local_secret'
export const TEST_ROUTING = '110000000'
export const GOOD_ACCOUNT_NUMBER = '000123456789'

export function sdkFor(server: StripeLocal, config: Partial<Stripe.StripeConfig> = {}): Stripe {
  return new Stripe('sk_test_local', {
    httpClient: Stripe.createFetchHttpClient(),
    host: server.host,
    port: server.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    ...config,
  })
}

export type Received = { rawBody: string; signature: string; event: Stripe.Event | null; verifyError: string | null }

export type Receiver = {
  url: string
  received: Received[]
  /** Verified events only, in arrival order. */
  events(): Stripe.Event[]
  /** The next `n` deliveries are answered with this status (e.g. 500) instead of 200. */
  failNext(n: number, status?: number): void
  close(): Promise<void>
}

export async function startReceiver(secret = WEBHOOK_SECRET): Promise<Receiver> {
  const verifier = new Stripe('sk_test_unused', { httpClient: Stripe.createFetchHttpClient() })
  const crypto = Stripe.createSubtleCryptoProvider()
  const received: Received[] = []
  let failures: { left: number; status: number } = { left: 0, status: 500 }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8')
        const signature = String(req.headers['stripe-signature'] ?? '')
        let event: Stripe.Event | null = null
        let verifyError: string | null = null
        try {
          event = await verifier.webhooks.constructEventAsync(rawBody, signature, secret, undefined, crypto)
        } catch (e) {
          verifyError = e instanceof Error ? e.message : String(e)
        }
        received.push({ rawBody, signature, event, verifyError })
        if (failures.left > 0) {
          failures.left--
          res.writeHead(failures.status).end()
          return
        }
        res.writeHead(verifyError ? 400 : 200).end()
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    events: () => received.flatMap((r) => (r.event ? [r.event] : [])),
    failNext(n, status = 500) {
      failures = { left: n, status }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export async function startWithReceiver(options: StripeLocalOptions = {}): Promise<{ server: StripeLocal; receiver: Receiver; stripe: Stripe }> {
  const receiver = await startReceiver()
  const server = await startStripeLocal({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, webhookMode: 'manual', ...options })
  return { server, receiver, stripe: sdkFor(server) }
}

/** A provider's custom connected account with a US bank account, as onboarding creates it. */
export function createProviderAccount(stripe: Stripe, accountNumber = GOOD_ACCOUNT_NUMBER, routingNumber = TEST_ROUTING, opts?: Stripe.RequestOptions) {
  return stripe.accounts.create(
    {
      type: 'custom',
      country: 'US',
      email: 'billing@practice.example',
      business_type: 'company',
      business_profile: { name: 'Practice', mcc: '8011', product_description: 'Outpatient care' },
      capabilities: { transfers: { requested: true } },
      external_account: { object: 'bank_account', country: 'US', currency: 'usd', routing_number: routingNumber, account_number: accountNumber },
      tos_acceptance: { date: 1_700_000_000, ip: '203.0.113.7', service_agreement: 'recipient' },
      metadata: { provider_id: 'prov_1' },
    },
    opts,
  )
}

/** Reads a response header whether the HTTP client exposed a Headers object or a plain record. */
export function responseHeader(obj: { lastResponse: { headers: unknown } }, name: string): string | null {
  const headers = obj.lastResponse.headers
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name)
  const record = headers as Record<string, string | undefined>
  return record[name.toLowerCase()] ?? null
}

/** Stripe errors as plain fields, so a test can assert the class name, status, type, code and param at once. */
export async function stripeFailure(p: Promise<unknown>): Promise<{ type: string; statusCode?: number; rawType?: string; code?: string; param?: string; message: string }> {
  try {
    await p
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) {
      return {
        type: e.type,
        ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
        ...(e.rawType !== undefined ? { rawType: e.rawType } : {}),
        ...(e.code !== undefined ? { code: e.code } : {}),
        ...(e.param !== undefined ? { param: e.param } : {}),
        message: e.message,
      }
    }
    throw e
  }
  throw new Error('expected the call to fail')
}
