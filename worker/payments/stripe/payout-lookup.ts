import type Stripe from 'stripe'
import { isPayoutObjectFor } from './payout-metadata'

type Attempt = { claimId: string; idempotencyKey: string }

/**
 * The transfer an earlier attempt made, found by its transfer_group (the claim id) and metadata. Used
 * when the idempotency key may have expired (Stripe keeps keys at least 24 h): re-sending the old key
 * then would create a second transfer instead of returning the first.
 */
export async function findTransfer(stripe: Stripe, attempt: Attempt): Promise<Stripe.Transfer | null> {
  // A claim has one transfer per attempt, so the group is a handful of objects at most.
  for await (const transfer of stripe.transfers.list({ transfer_group: attempt.claimId, limit: 100 })) {
    if (isPayoutObjectFor(transfer.metadata, 'transfer', attempt)) return transfer
  }
  return null
}

/**
 * The payout an earlier attempt made on the provider's connected account. Payouts cannot be filtered
 * by metadata, so the account's payouts are read newest first and the scan stops at payouts created
 * before the key was stored (an attempt's payout cannot be older than its key).
 */
export async function findPayout(stripe: Stripe, accountId: string, attempt: Attempt, notBeforeUnix: number): Promise<Stripe.Payout | null> {
  let startingAfter: string | undefined
  for (;;) {
    const page = await stripe.payouts.list({ limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) }, { stripeAccount: accountId })
    for (const payout of page.data) {
      if (isPayoutObjectFor(payout.metadata, 'payout', attempt)) return payout
      if (payout.created < notBeforeUnix) return null
    }
    if (!page.has_more || page.data.length === 0) return null
    startingAfter = page.data.at(-1)!.id
  }
}
