import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WebhookVerification } from './verify-webhook'
import { verifyStripeWebhook } from './verify-webhook'

/** For tests: an HTTP endpoint that verifies deliveries as the Worker route will, keeping every result in arrival order. */
export type WebhookReceiver = { url: string; results: WebhookVerification[]; close(): Promise<void> }

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const results: WebhookVerification[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void verifyStripeWebhook(Buffer.concat(chunks).toString('utf8'), req.headers['stripe-signature'] as string | undefined, secret).then((result) => {
        results.push(result)
        res.writeHead(result.ok ? 200 : 400).end()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v1/webhooks/stripe`,
    results,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
