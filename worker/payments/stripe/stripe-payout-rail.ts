import type Stripe from 'stripe'
import type { PayoutRail, PayoutRequest } from '../payout-rail'
import { findPayout, findTransfer } from './payout-lookup'
import { MAX_IDEMPOTENCY_KEY, payoutMetadata } from './payout-metadata'
import { stripeFailure } from './stripe-failure'
import type { StripeFailure } from './stripe-failure'

export type StripePayoutRequest = PayoutRequest & {
  /**
   * When the idempotency key was first stored. If it may be older than Stripe's key window, the
   * transfer and payout are looked up before anything is created, so a late retry cannot pay twice.
   * Unset means "just stored" (the first attempt).
   */
  keyStoredAt?: Date
}

export type StripePayoutOutcome =
  | { ok: true; transferId: string; payoutId: string; accountId: string; lookedUp: boolean }
  | StripeFailure
  | { ok: false; reason: 'invalid-amount' | 'missing-idempotency-key' | 'provider-not-onboarded'; retryable: false }
  /**
   * An earlier attempt under this key left a transfer that does not match (another amount, or reversed
   * after its payout bounced): an admin decides; a new attempt needs a new key.
   */
  | { ok: false; reason: 'transfer-mismatch' | 'transfer-reversed'; retryable: false; transferId: string }
  | (StripeFailure & { transferId: string })

export type StripePayoutRailDeps = {
  stripe: Stripe
  /** The provider's connected account, from onboarding; null when it has none (no verified bank account). */
  accountFor(providerId: string): Promise<string | null>
  now?: () => Date
  /** Keys older than this are looked up first; below Stripe's 24 h so clock skew cannot slip through. */
  lookupAfterMs?: number
}

const HOUR_MS = 60 * 60 * 1000

/**
 * Connect: a Transfer from the platform to the provider's connected account (transfer_group = claim),
 * then a standard (ACH) Payout from that account to the provider's bank. Each call has its own key
 * derived from the payout's key, so a retry replays whichever step had already happened.
 */
export class StripePayoutRail implements PayoutRail {
  readonly name = 'stripe'
  private readonly stripe: Stripe
  private readonly accountFor: (providerId: string) => Promise<string | null>
  private readonly now: () => Date
  private readonly lookupAfterMs: number

  constructor(deps: StripePayoutRailDeps) {
    this.stripe = deps.stripe
    this.accountFor = deps.accountFor
    this.now = deps.now ?? (() => new Date())
    this.lookupAfterMs = deps.lookupAfterMs ?? 23 * HOUR_MS
  }

  async send(request: StripePayoutRequest): Promise<StripePayoutOutcome> {
    const { idempotencyKey, amountCents, providerId, claimId } = request
    if (idempotencyKey.trim() === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY) return { ok: false, reason: 'missing-idempotency-key', retryable: false }
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { ok: false, reason: 'invalid-amount', retryable: false }
    const accountId = await this.accountFor(providerId)
    if (!accountId) return { ok: false, reason: 'provider-not-onboarded', retryable: false }

    const keyAgeMs = request.keyStoredAt ? this.now().getTime() - request.keyStoredAt.getTime() : 0
    const lookUp = keyAgeMs >= this.lookupAfterMs
    const transfer = await this.transfer(request, accountId, lookUp)
    if (!transfer.ok) return transfer
    const notBefore = Math.floor((request.keyStoredAt ?? this.now()).getTime() / 1000) - 3600
    const payout = await this.payout(request, accountId, transfer.transferId, lookUp ? notBefore : null)
    if (!payout.ok) return payout
    return { ok: true, transferId: transfer.transferId, payoutId: payout.payoutId, accountId, lookedUp: lookUp }
  }

  private async transfer(request: StripePayoutRequest, accountId: string, lookUp: boolean): Promise<{ ok: true; transferId: string } | StripePayoutOutcome> {
    try {
      const found = lookUp ? await findTransfer(this.stripe, request) : null
      const transfer =
        found ??
        (await this.stripe.transfers.create(
          {
            amount: request.amountCents,
            currency: 'usd',
            destination: accountId,
            transfer_group: request.claimId,
            description: `Payout for claim ${request.claimId}`,
            metadata: payoutMetadata('transfer', request),
          },
          { idempotencyKey: `${request.idempotencyKey}:transfer` },
        ))
      if (transfer.amount !== request.amountCents || transfer.destination !== accountId) {
        return { ok: false, reason: 'transfer-mismatch', retryable: false, transferId: transfer.id }
      }
      if (transfer.amount_reversed > 0) return { ok: false, reason: 'transfer-reversed', retryable: false, transferId: transfer.id }
      return { ok: true, transferId: transfer.id }
    } catch (error) {
      return stripeFailure(error)
    }
  }

  private async payout(
    request: StripePayoutRequest,
    accountId: string,
    transferId: string,
    lookUpFrom: number | null,
  ): Promise<{ ok: true; payoutId: string } | StripePayoutOutcome> {
    try {
      const found = lookUpFrom !== null ? await findPayout(this.stripe, accountId, request, lookUpFrom) : null
      const payout =
        found ??
        (await this.stripe.payouts.create(
          {
            amount: request.amountCents,
            currency: 'usd',
            method: 'standard',
            statement_descriptor: 'CLAIMPAY',
            description: `Payout for claim ${request.claimId}`,
            metadata: { ...payoutMetadata('payout', request), transfer_id: transferId },
          },
          { stripeAccount: accountId, idempotencyKey: `${request.idempotencyKey}:payout` },
        ))
      return { ok: true, payoutId: payout.id }
    } catch (error) {
      return { ...stripeFailure(error), transferId }
    }
  }
}
