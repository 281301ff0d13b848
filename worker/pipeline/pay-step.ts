import type { PayoutRecord, StoredClaim } from '../claims'
import type { ClaimEvent } from '../contracts'
import { newId } from '../ids'
import { computePayout, journalForPayout, PLATFORM_POOL_ID, type PoolChoice, payoutPool, PROVIDER_NOT_ONBOARDED, payoutFailureMessage } from '../payments'
import type { CutDecision, CutProblem } from '../payments/cut-policy'
import type { PipelineDeps } from './deps'
import type { StepHandler } from './run-step'

/** The payout rail failed in a way worth retrying (Stripe unreachable, a 500): the message is retried. */
export class PayoutNotSent extends Error {
  override name = 'PayoutNotSent'
}

/** A claim is payout_pending but its payout row is gone: nothing can be sent until someone looks. */
export class PayoutRecordMissing extends Error {
  override name = 'PayoutRecordMissing'
}

/**
 * The provider has no bank account ready for payouts. Retrying the message cannot help, so the queue
 * acks it (queues/outcome.ts) and the claim waits in payout_pending with the reason on its payout row.
 * The cron's re-drive tries again later, and connecting a payout account sends it at once.
 */
export class PayoutBlocked extends Error {
  override name = 'PayoutBlocked'
}

/** The payout journal would not validate (a bug in the figures, never a rail problem): nothing is sent or committed. */
export class PayoutJournalInvalid extends Error {
  override name = 'PayoutJournalInvalid'
}

/**
 * No cut could be decided (no rule version in force, a stored table that no longer parses, a claim
 * without a score). Nothing is paid: the claim stays approved and the message is retried, then
 * dead-lettered, until an admin fixes the rules; paying at a guessed cut would be a wrong payout.
 */
export class CutNotDecided extends Error {
  override name = 'CutNotDecided'
  constructor(
    readonly claimId: string,
    readonly reason: CutProblem,
    message: string,
  ) {
    super(`claim ${claimId}: no cut decided (${reason}): ${message}`)
  }
}

/** The cut for a claim, or CutNotDecided with a log line naming the claim and the reason (never patient data). */
export async function decideCut(deps: PipelineDeps, claim: Pick<StoredClaim, 'id' | 'providerId' | 'score'>, step: string, on: Date): Promise<CutDecision> {
  const cut = await deps.cutFor(claim, on)
  if (cut.ok) return cut
  console.error(JSON.stringify({ level: 'error', step, claimId: claim.id, providerId: claim.providerId, cutProblem: cut.reason, message: cut.message }))
  throw new CutNotDecided(claim.id, cut.reason, cut.message)
}

type Payout = Pick<PayoutRecord, 'id' | 'amountCents' | 'idempotencyKey' | 'keyStoredAt' | 'createdAt' | 'failureCode' | 'poolId'>

/**
 * approved -> payout_pending -> paid. The payout row and its idempotency key are committed before the
 * rail is called; a retry after a crash finds the claim payout_pending and calls the rail again with
 * the same key, which returns the same transfer instead of paying twice. A refusal the rail has given
 * for good moves the claim to payout_failed with the reason; a missing payout account, or no funding
 * pool able to cover the payout, parks it.
 */
export const payStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const events: ClaimEvent[] = []
  let current = claim
  let payout: Payout | undefined

  if (current.status === 'approved') {
    const cut = await decideCut(deps, claim, 'pay', new Date(at))
    const { cutBps, ruleVersion: cutRuleVersion, explanation: cutExplanation } = cut
    const amountCents = computePayout(claim.billedCents, cutBps)
    const requested = { payoutId: newId('pay'), amountCents, cutBps, cutRuleVersion, cutExplanation, rail: deps.rail.name, idempotencyKey: `payout:${claim.id}` }
    const result = await deps.store.commit(
      current,
      [{ to: 'payout_pending', step: 'pay', detail: { amountCents, cutBps, cutRuleVersion, cutExplanation, rail: deps.rail.name } }],
      { cutBps, payoutCents: amountCents },
      { payoutRequested: requested, audit: { actor: 'pipeline', action: 'payout.requested', detail: { amountCents, cutBps, cutRuleVersion } } },
      at,
    )
    if (!result.ok) return result
    current = result.claim
    events.push(...result.events)
    payout = { id: requested.payoutId, amountCents, idempotencyKey: requested.idempotencyKey, keyStoredAt: at, createdAt: at, failureCode: null, poolId: null }
  } else {
    // Resuming after a crash: the payout and its idempotency key were committed with payout_pending.
    payout = await deps.store.findPayout(claim.providerId, claim.id)
  }
  if (!payout) throw new PayoutRecordMissing(`claim ${claim.id} is payout_pending without a payout record`)

  // Held before the rail is called: money leaves only when a pool covers it, and stays covered.
  const pool = await holdPool(deps, payout)
  // Every pool set up is short of this payout ('no-pool-with-funds'): the claim waits until one is funded.
  if (!pool.ok) return parkWaiting(deps, current, payout, pool.reason, at)
  // Built before the rail is called too: a journal that cannot balance must stop the money, not follow it.
  const journal = journalForPayout({
    claimId: claim.id,
    providerId: claim.providerId,
    payerId: claim.payerId,
    poolId: pool.poolId,
    billedCents: claim.billedCents,
    payoutCents: payout.amountCents,
  })
  if (!journal.ok) throw new PayoutJournalInvalid(`claim ${claim.id}: ${journal.reason}: ${journal.message}`)

  const sent = await deps.rail.send({
    idempotencyKey: payout.idempotencyKey,
    amountCents: payout.amountCents,
    providerId: claim.providerId,
    claimId: claim.id,
    // Rows from before key_stored_at existed were written with the key: created_at is when it was stored.
    keyStoredAt: new Date(payout.keyStoredAt ?? payout.createdAt),
  })
  if (!sent.ok) {
    if (sent.reason === PROVIDER_NOT_ONBOARDED) return parkWaiting(deps, current, payout, PROVIDER_NOT_ONBOARDED, at)
    if (sent.retryable === false) return failPayout(deps, current, payout, sent.reason, at, events)
    throw new PayoutNotSent(`payout for claim ${claim.id} not sent: ${sent.reason}`)
  }

  const paid = await deps.store.commit(
    current,
    [{ to: 'paid', step: 'pay', detail: { transferId: sent.transferId, amountCents: payout.amountCents, ...(sent.payoutId ? { payoutId: sent.payoutId } : {}) } }],
    {},
    {
      payoutSent: {
        payoutId: payout.id,
        transferId: sent.transferId,
        ...(sent.payoutId ? { stripePayoutId: sent.payoutId } : {}),
        ...(sent.accountId ? { stripeAccountId: sent.accountId } : {}),
      },
      journal: journal.journal,
      audit: { actor: 'pipeline', action: 'payout.sent', detail: { transferId: sent.transferId, amountCents: payout.amountCents, ...(sent.payoutId ? { payoutId: sent.payoutId } : {}) } },
    },
    at,
  )
  if (!paid.ok) return paid
  return { ok: true, claim: paid.claim, events: [...events, ...paid.events] }
}

/** Choosing again when another payout held the chosen pool first; each round sees fresher positions. */
const HOLD_ATTEMPTS = 3

/**
 * The pool this payout draws on, held for it. A payout that already holds one (a retry) keeps it; with no
 * pools set up the platform pays, as before pools existed. Otherwise the pool chosen from the positions
 * is held by a guarded write, and if another payout took the funds in between, the choice is made again.
 */
async function holdPool(deps: PipelineDeps, payout: Payout): Promise<PoolChoice> {
  if (payout.poolId) return { ok: true, poolId: payout.poolId }
  if (!deps.pools) return { ok: true, poolId: PLATFORM_POOL_ID }
  let choice: PoolChoice = { ok: false, reason: 'no-pool-with-funds', neededCents: payout.amountCents, largestAvailableCents: 0n }
  for (let attempt = 0; attempt < HOLD_ATTEMPTS; attempt++) {
    const positions = await deps.pools.positions()
    choice = payoutPool(positions, payout.amountCents)
    if (!choice.ok || choice.poolId === PLATFORM_POOL_ID) return choice
    if (await deps.pools.reserve(payout.id, choice.poolId, payout.amountCents)) return choice
  }
  return choice.ok ? { ok: false, reason: 'no-pool-with-funds', neededCents: payout.amountCents, largestAvailableCents: 0n } : choice
}

/**
 * The payout cannot go yet (no payout account, or no pool with funds). The first time a claim meets
 * a reason, it is recorded (payout row, audit, a notification); later attempts find it recorded and
 * write nothing. Either way the step stops here and the cron's re-drive tries again.
 */
async function parkWaiting(deps: PipelineDeps, claim: StoredClaim, payout: Payout, reason: string, at: string): Promise<never> {
  if (payout.failureCode !== reason) {
    await deps.store.recordPayoutWait(claim, payout.id, { code: reason, message: payoutFailureMessage(reason) }, at)
  }
  // An approved -> payout_pending move made by this delivery stays committed; the live dashboard
  // hears of it with the claim's next change.
  console.info(JSON.stringify({ level: 'info', step: 'pay', claimId: claim.id, status: claim.status, waiting: reason }))
  throw new PayoutBlocked(`claim ${claim.id}: ${reason}`)
}

/** The rail refused for good (its answer is stored under the key): the claim shows it, with the reason. */
async function failPayout(deps: PipelineDeps, claim: StoredClaim, payout: Payout, reason: string, at: string, events: ClaimEvent[]) {
  const message = payoutFailureMessage(reason)
  const failed = await deps.store.commit(
    claim,
    [{ to: 'payout_failed', step: 'pay', detail: { reason, message } }],
    {},
    {
      payoutRail: { payoutId: payout.id, set: { railStatus: 'failed', failureCode: reason, failureMessage: message } },
      audit: { actor: 'pipeline', action: 'payout.failed', detail: { reason, amountCents: payout.amountCents } },
      payoutNotice: { kind: 'claim.payout_failed', message },
    },
    at,
  )
  if (!failed.ok) return failed
  return { ok: true as const, claim: failed.claim, events: [...events, ...failed.events] }
}
