import type Stripe from 'stripe'

/** How many returned payouts one sweep reverses: the cron comes back for the rest. */
const SWEEP = 50

export type ReversalSweep = { asked: number; failed: number }

type ReturnedPayout = { id: string; claim_id: string; transfer_id: string; amount_cents: number; transfer_reversed_cents: number; idempotency_key: string }

/**
 * Payouts the bank returned leave their money in the provider's connected account: each is taken back
 * to the platform by reversing its transfer. What changes in D1 (the reversed amount, the ledger's
 * payout-returned journal) comes with Stripe's transfer.reversed event, so a sweep that runs again
 * before the event arrives asks again with the same key and Stripe answers with the same reversal.
 */
export async function reverseReturnedPayouts(d1: D1Database, stripe: Stripe): Promise<ReversalSweep> {
  const { results } = await d1
    .prepare(
      `SELECT id, claim_id, transfer_id, amount_cents, transfer_reversed_cents, idempotency_key FROM payouts
       WHERE rail = 'stripe' AND rail_status = 'failed' AND transfer_id IS NOT NULL AND transfer_reversed_cents < amount_cents
       ORDER BY sent_at LIMIT ?`,
    )
    .bind(SWEEP)
    .all<ReturnedPayout>()
  let failed = 0
  for (const p of results) {
    try {
      await stripe.transfers.createReversal(
        p.transfer_id,
        { amount: p.amount_cents - p.transfer_reversed_cents, metadata: { claim_id: p.claim_id, payout_id: p.id } },
        { idempotencyKey: `${p.idempotency_key}:reversal:${p.transfer_reversed_cents}` },
      )
    } catch (error) {
      failed++
      console.warn(JSON.stringify({ level: 'warn', at: 'payout-reversal', payoutId: p.id, claimId: p.claim_id, error: error instanceof Error ? error.name : 'unknown' }))
    }
  }
  return { asked: results.length, failed }
}
