import { CLAIM_STATUSES, type ClaimStatus } from '$contracts'

/** Provider-facing words for each lifecycle state (DESIGN 5). */
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  received: 'Received',
  parsed: 'Parsed',
  needs_recode: 'Needs recode',
  coded: 'Coded',
  scored: 'Scored',
  approved: 'Approved',
  payout_pending: 'Payout pending',
  paid: 'Paid out',
  payout_failed: 'Payout failed',
  submitted: 'Submitted to payer',
  adjudicated: 'Adjudicated',
  reconciled: 'Reconciled',
  rejected: 'Rejected',
}

/** What the provider should understand each state to mean. */
export const STATUS_DESCRIPTIONS: Record<ClaimStatus, string> = {
  received: 'We have the claim and are reading it.',
  parsed: 'The claim was read; codes are being checked.',
  needs_recode: 'The codes need another pass before scoring.',
  coded: 'Diagnoses and procedures are coded.',
  scored: 'The claim has a payment likelihood score.',
  approved: 'Approved for a same-day payout.',
  payout_pending: 'The payout is on its way to your account.',
  paid: 'You have been paid; we now collect from the payer.',
  payout_failed: 'The payout did not reach your bank. See the reason; we will contact you.',
  submitted: 'Submitted to the payer.',
  adjudicated: 'The payer has decided the claim.',
  reconciled: 'Payer payment reconciled. Nothing left to do.',
  rejected: 'Not eligible for a same-day payout. See the reasons.',
}

/**
 * Claims received today that have not yet left the pipeline (submitted to the payer or declined).
 * The counters count claims *entering* each status, so middle stages cannot be summed: one claim
 * passes through all of them. Clamped at zero because yesterday's claims can finish today.
 */
export function inPipelineCount(byStatus: Partial<Record<ClaimStatus, number>>): number {
  return Math.max(0, (byStatus.received ?? 0) - (byStatus.submitted ?? 0) - (byStatus.rejected ?? 0))
}

/** Visual tone of a badge; the label is always shown too, so colour is never the only signal. */
export type StatusTone = 'neutral' | 'progress' | 'warning' | 'success' | 'info' | 'danger' | 'done'

export const STATUS_TONES: Record<ClaimStatus, StatusTone> = {
  received: 'neutral',
  parsed: 'progress',
  needs_recode: 'warning',
  coded: 'progress',
  scored: 'progress',
  approved: 'info',
  payout_pending: 'info',
  paid: 'success',
  payout_failed: 'danger',
  submitted: 'done',
  adjudicated: 'done',
  reconciled: 'done',
  rejected: 'danger',
}

export { CLAIM_STATUSES }
export type { ClaimStatus }
