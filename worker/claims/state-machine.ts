import type { ClaimStatus } from '../contracts'

/** Every allowed move of the lifecycle (DESIGN section 5). `rejected` is final. */
const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  received: ['parsed', 'rejected'],
  parsed: ['coded', 'needs_recode', 'rejected'],
  needs_recode: ['coded', 'rejected'],
  coded: ['scored', 'needs_recode', 'rejected'],
  scored: ['approved', 'rejected', 'needs_recode'],
  approved: ['payout_pending'],
  // payout_failed: Stripe refused the payout for good, or the bank returned it before the claim went to
  // the payer. The provider has not been paid. A return that comes later (it can take days) leaves the
  // claim on its way to reconciliation and is recorded on the payout (payments/d1/apply-stripe-webhook.ts).
  payout_pending: ['paid', 'payout_failed'],
  paid: ['submitted', 'payout_failed'],
  // Waits for a person: a new attempt needs the cause fixed and a new idempotency key (not automatic).
  payout_failed: [],
  submitted: ['adjudicated'],
  adjudicated: ['reconciled'],
  reconciled: [],
  rejected: [],
}

/** How often a claim may go back for recoding before it is rejected: the loop must end. */
export const MAX_RECODES = 3

export type PipelineStep = 'parse' | 'code' | 'score' | 'pay' | 'submit'

/**
 * The statuses in which a step has work to do. A message for a claim in any other status is a
 * duplicate or a replay (the step is done, or the claim has left the pipeline) and changes nothing.
 * `payout_pending` is listed for `pay` so a crash after the payout was requested resumes it.
 */
export const STEP_ACCEPTS: Record<PipelineStep, readonly ClaimStatus[]> = {
  parse: ['received'],
  code: ['parsed', 'needs_recode'],
  score: ['coded'],
  pay: ['approved', 'payout_pending'],
  submit: ['paid'],
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'illegal-transition'; from: ClaimStatus; to: ClaimStatus }

export function checkTransition(from: ClaimStatus, to: ClaimStatus): TransitionCheck {
  return NEXT[from].includes(to) ? { ok: true } : { ok: false, reason: 'illegal-transition', from, to }
}

/** Checks a chain of moves made in one commit, e.g. coded -> scored -> approved. */
export function checkPath(from: ClaimStatus, path: readonly ClaimStatus[]): TransitionCheck {
  let at = from
  for (const to of path) {
    const check = checkTransition(at, to)
    if (!check.ok) return check
    at = to
  }
  return { ok: true }
}

export function stepHasWork(step: PipelineStep, status: ClaimStatus): boolean {
  return STEP_ACCEPTS[step].includes(status)
}

export function isFinal(status: ClaimStatus): boolean {
  return NEXT[status].length === 0
}
