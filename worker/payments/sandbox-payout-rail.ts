import type { PayoutOutcome, PayoutRail, PayoutRequest } from './payout-rail'

/**
 * A payout rail that moves no money: it answers like a real rail so the whole pipeline runs locally.
 * The transfer id is derived from the idempotency key, so a replayed request gets the same transfer,
 * as Stripe does; reusing a key for a different payout is refused, as Stripe does.
 */
export class SandboxPayoutRail implements PayoutRail {
  readonly name = 'sandbox'
  private readonly seen = new Map<string, string>()

  async send(request: PayoutRequest): Promise<PayoutOutcome> {
    const { idempotencyKey, amountCents, providerId, claimId } = request
    if (idempotencyKey.trim() === '') return { ok: false, reason: 'missing-idempotency-key' }
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { ok: false, reason: 'invalid-amount' }
    const fingerprint = `${amountCents}|${providerId}|${claimId}`
    const earlier = this.seen.get(idempotencyKey)
    if (earlier !== undefined && earlier !== fingerprint) return { ok: false, reason: 'idempotency-key-reused' }
    this.seen.set(idempotencyKey, fingerprint)
    return { ok: true, transferId: await sandboxTransferId(idempotencyKey) }
  }
}

export async function sandboxTransferId(idempotencyKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(idempotencyKey))
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
  return `sbx_tr_${hex}`
}
