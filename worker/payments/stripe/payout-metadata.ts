/**
 * What every Stripe object of a payout carries, so it can be found without our database: the claim
 * (also the transfer_group), the provider, the step, and the payout's idempotency key, which tells one
 * attempt from another for the same claim (a new attempt after a bounced payout has a new key).
 */
export type PayoutStep = 'transfer' | 'payout'

export function payoutMetadata(step: PayoutStep, request: { claimId: string; providerId: string; idempotencyKey: string }): Record<string, string> {
  return { claim_id: request.claimId, provider_id: request.providerId, step, payout_key: request.idempotencyKey }
}

export function isPayoutObjectFor(metadata: Record<string, string> | null | undefined, step: PayoutStep, request: { claimId: string; idempotencyKey: string }): boolean {
  return metadata?.claim_id === request.claimId && metadata.step === step && metadata.payout_key === request.idempotencyKey
}

/** Stripe's limit on Idempotency-Key; ours gets ':transfer' or ':payout' appended. */
export const MAX_IDEMPOTENCY_KEY = 255 - ':transfer'.length
