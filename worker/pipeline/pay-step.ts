import type { PayoutRecord } from '../claims'
import type { ClaimEvent } from '../contracts'
import { newId } from '../ids'
import { buildPayoutJournal, computePayout } from '../payments'
import type { StepHandler } from './run-step'

/** The payout rail refused or failed; the claim stays payout_pending and the message is retried. */
export class PayoutNotSent extends Error {
  override name = 'PayoutNotSent'
}

/** A claim is payout_pending but its payout row is gone: nothing can be sent until someone looks. */
export class PayoutRecordMissing extends Error {
  override name = 'PayoutRecordMissing'
}

/**
 * approved -> payout_pending -> paid. The payout row and its idempotency key are committed before the
 * rail is called; a retry after a crash finds the claim payout_pending and calls the rail again with
 * the same key, which returns the same transfer instead of paying twice.
 */
export const payStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const events: ClaimEvent[] = []
  let current = claim
  let payout: Pick<PayoutRecord, 'id' | 'amountCents' | 'idempotencyKey'> | undefined

  if (current.status === 'approved') {
    const cutBps = await deps.providerCutBps(claim.providerId)
    const amountCents = computePayout(claim.billedCents, cutBps)
    const requested = { payoutId: newId('pay'), amountCents, cutBps, rail: deps.rail.name, idempotencyKey: `payout:${claim.id}` }
    const result = await deps.store.commit(
      current,
      [{ to: 'payout_pending', step: 'pay', detail: { amountCents, cutBps, rail: deps.rail.name } }],
      { cutBps, payoutCents: amountCents },
      { payoutRequested: requested, audit: { actor: 'pipeline', action: 'payout.requested', detail: { amountCents, cutBps } } },
      at,
    )
    if (!result.ok) return result
    current = result.claim
    events.push(...result.events)
    payout = { id: requested.payoutId, amountCents, idempotencyKey: requested.idempotencyKey }
  } else {
    // Resuming after a crash: the payout and its idempotency key were committed with payout_pending.
    payout = await deps.store.findPayout(claim.providerId, claim.id)
  }
  if (!payout) throw new PayoutRecordMissing(`claim ${claim.id} is payout_pending without a payout record`)

  const sent = await deps.rail.send({
    idempotencyKey: payout.idempotencyKey,
    amountCents: payout.amountCents,
    providerId: claim.providerId,
    claimId: claim.id,
  })
  if (!sent.ok) throw new PayoutNotSent(`payout for claim ${claim.id} not sent: ${sent.reason}`)

  const journal = buildPayoutJournal({
    claimId: claim.id,
    providerId: claim.providerId,
    billedCents: claim.billedCents,
    payoutCents: payout.amountCents,
  })
  const paid = await deps.store.commit(
    current,
    [{ to: 'paid', step: 'pay', detail: { transferId: sent.transferId, amountCents: payout.amountCents } }],
    {},
    {
      payoutSent: { payoutId: payout.id, transferId: sent.transferId },
      journal: { memo: `Same-day payout for claim ${claim.id}`, lines: journal.lines },
      audit: { actor: 'pipeline', action: 'payout.sent', detail: { transferId: sent.transferId, amountCents: payout.amountCents } },
    },
    at,
  )
  if (!paid.ok) return paid
  return { ok: true, claim: paid.claim, events: [...events, ...paid.events] }
}
