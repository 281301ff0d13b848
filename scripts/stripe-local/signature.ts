import { createHmac } from 'node:crypto'

/**
 * Stripe's webhook signature scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the
 * HMAC key is the endpoint secret (the whole `whsec_...` string) and the message is `<t>.<raw body>`.
 */
export function signatureHeader(rawBody: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${signPayload(rawBody, secret, timestamp)}`
}

export function signPayload(rawBody: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')
}
