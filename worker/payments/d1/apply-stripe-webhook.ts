import { and, eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { checkTransition, createD1ClaimStore, toStatusChange } from '../../claims'
import type { PayoutRailChange, RailStatus } from '../../claims/d1-claim-store'
import type { StatusChange } from '../../contracts'
import { moneySchema, openDb, schema } from '../../db'
import { newId, stableId } from '../../ids'
import { PLATFORM_POOL_ID } from '../funding'
import { journalForPayoutReturned } from '../ledger'
import { payoutFailureMessage } from '../payout-failure-message'
import { journalRows } from '../../db/journal-rows'
import { applyStripeEvent, claimIdOfEvent, RailEvent } from '../stripe'
import type { PayoutRailState, RailPayoutStatus } from '../stripe'

const { payouts, auditLog, notifications } = schema
const { stripeEvents } = moneySchema

export type WebhookOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ignored'; why: 'not-a-payout-event' | 'not-our-payout' }
  | { kind: 'no-change'; why: string }
  | { kind: 'applied'; railStatus: RailStatus; claimMoved: boolean; providerId: string; changes: StatusChange[] }
  /** Stripe may deliver before the pay step has committed the payout id: ask for a redelivery. */
  | { kind: 'retry-later'; why: 'payout-not-recorded-yet' | 'claim-changed-meanwhile' }

type PayoutRow = typeof payouts.$inferSelect

const toRail = (s: PayoutRow['railStatus']): RailPayoutStatus => (s === 'paid' || s === 'failed' || s === 'canceled' ? s : 'pending')
const fromRail = (s: RailPayoutStatus): RailStatus => (s === 'pending' ? 'sent' : s)

/**
 * Stores a verified Stripe event once by its id and applies it to the payout it concerns. A payout
 * that fails (or is canceled) moves its claim to payout_failed with the reason, with an audit row and
 * a notification, in the same transaction that marks the event applied. Applying is idempotent and
 * order-independent (applyStripeEvent), so redeliveries and reordered events end in the same state.
 */
export async function applyStripeWebhook(d1: D1Database, event: Stripe.Event, now: Date): Promise<WebhookOutcome> {
  const db = openDb(d1)
  const at = now.toISOString()
  const claimId = claimIdOfEvent(event)
  const stored = await db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, account: event.account ?? null, claimId, receivedAt: at, applied: false })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id })
  if (stored.length === 0) {
    const [earlier] = await db.select({ applied: stripeEvents.applied }).from(stripeEvents).where(eq(stripeEvents.id, event.id))
    // Stored but not applied: an earlier delivery stopped half-way; applying again is safe.
    if (earlier?.applied) return { kind: 'duplicate' }
  }
  const markApplied = () => db.update(stripeEvents).set({ applied: true }).where(eq(stripeEvents.id, event.id))

  const parsed = RailEvent.safeParse(event)
  if (!parsed.success) {
    await markApplied()
    return { kind: 'ignored', why: 'not-a-payout-event' }
  }
  const object = parsed.data.data.object
  const [row] = await db
    .select()
    .from(payouts)
    .where(object.object === 'payout' ? eq(payouts.stripePayoutId, object.id) : eq(payouts.transferId, object.id))
    .limit(1)
  if (!row) {
    // Ours (metadata names a claim with a payout row) but its Stripe ids are not committed yet.
    const ours = claimId ? (await db.select({ id: payouts.id }).from(payouts).where(eq(payouts.claimId, claimId)).limit(1)).length > 0 : false
    if (ours) return { kind: 'retry-later', why: 'payout-not-recorded-yet' }
    await markApplied()
    return { kind: 'ignored', why: 'not-our-payout' }
  }

  const state: PayoutRailState = {
    claimId: row.claimId,
    accountId: row.stripeAccountId ?? '',
    transferId: row.transferId ?? '',
    payoutId: row.stripePayoutId ?? '',
    amountCents: row.amountCents,
    status: toRail(row.railStatus),
    failure: row.failureCode ? { code: row.failureCode, message: row.failureMessage ?? '' } : null,
    transferReversedCents: row.transferReversedCents,
  }
  const effect = applyStripeEvent(state, event)
  if (!effect.changed) {
    await markApplied()
    return { kind: 'no-change', why: effect.why }
  }
  const next = effect.state
  const failure = next.failure ?? (next.status === 'canceled' ? { code: 'canceled', message: '' } : null)
  const message = failure ? payoutFailureMessage(failure.code, failure.message || null) : null
  const set: PayoutRailChange = {
    railStatus: fromRail(next.status),
    transferReversedCents: next.transferReversedCents,
    ...(failure ? { failureCode: failure.code, failureMessage: message } : {}),
  }
  const action = 'reversal' in effect ? 'transfer.reversed' : `payout.${next.status}`
  const detail = { payoutId: row.id, stripePayoutId: row.stripePayoutId, eventId: event.id, ...(failure ? { failureCode: failure.code } : {}), ...('reversal' in effect ? { reversedCents: effect.reversal.totalCents } : {}) }

  const store = createD1ClaimStore(d1)
  const claim = await store.findClaim(row.providerId, row.claimId)
  // Before the claim goes to the payer, a failed payout stops it where the provider and admins see it.
  // Once the payer has it, the claim follows the payer's answer to reconciliation (the money owed by
  // the payer is ClaimPay's either way); the failure is on the payout, in the audit and in a notification.
  const moves = failure && claim && checkTransition(claim.status, 'payout_failed').ok
  if (claim && moves) {
    const committed = await store.commit(
      claim,
      [{ to: 'payout_failed', step: 'payout-webhook', detail: { reason: failure.code, message } }],
      {},
      {
        payoutRail: { payoutId: row.id, onlyIf: row.railStatus, set },
        stripeEventApplied: event.id,
        audit: { actor: 'stripe', action, detail },
        payoutNotice: { kind: 'claim.payout_failed', message: message ?? '' },
      },
      at,
    )
    if (!committed.ok) return { kind: 'retry-later', why: 'claim-changed-meanwhile' }
    return { kind: 'applied', railStatus: fromRail(next.status), claimMoved: true, providerId: row.providerId, changes: committed.events.map((e) => toStatusChange(committed.claim, e)) }
  }
  // Paid, a reversal, or a failure once the payer has the claim (the claim keeps its state): the payout
  // row, the audit trail, the event and any notification change together.
  await db.batch([
    db.update(payouts).set(set).where(and(eq(payouts.id, row.id), row.railStatus === null ? undefined : eq(payouts.railStatus, row.railStatus))),
    markApplied(),
    db.insert(auditLog).values({ id: newId('aud'), providerId: row.providerId, actor: 'stripe', action, subjectType: 'claim', subjectId: row.claimId, detail, at }),
    ...(failure ? [db.insert(notifications).values({ id: newId('ntf'), providerId: row.providerId, claimId: row.claimId, kind: 'claim.payout_failed', message: message ?? '', createdAt: at }).onConflictDoNothing()] : []),
    ...('reversal' in effect ? await returnedToPool(db, row, effect.reversal, at) : []),
  ])
  return { kind: 'applied', railStatus: fromRail(next.status), claimMoved: false, providerId: row.providerId, changes: [] }
}

/**
 * The transfer came back from the provider's connected account (reversed after the bank returned the
 * payout): the cash is in the payout's pool again and ClaimPay owes the provider that much. The journal's
 * id comes from the payout and the reversed total, so two deliveries racing with the same event cannot
 * both post it: the second batch fails on the ids and the delivery is retried, then found applied.
 */
async function returnedToPool(db: ReturnType<typeof openDb>, row: PayoutRow, reversal: { addedCents: number; totalCents: number }, at: string) {
  const journal = journalForPayoutReturned({ claimId: row.claimId, providerId: row.providerId, poolId: row.poolId ?? PLATFORM_POOL_ID, amountCents: reversal.addedCents })
  if (!journal.ok) throw new Error(`payout ${row.id}: the returned-payout journal does not balance: ${journal.message}`)
  const journalId = await stableId('jnl', 0, `payout-returned:${row.id}:${reversal.totalCents}`)
  return [db.insert(schema.ledgerEntries).values(journalRows(journal.journal, journalId, at, row.claimId, true))]
}
