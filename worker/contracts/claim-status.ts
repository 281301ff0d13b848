import { z } from 'zod'

/** The claim lifecycle of DESIGN section 5, in pipeline order. */
export const CLAIM_STATUSES = [
  'received',
  'parsed',
  'needs_recode',
  'coded',
  'scored',
  'approved',
  'payout_pending',
  'paid',
  /** The money did not reach the provider (Stripe refused it, or the bank returned it): someone must act. */
  'payout_failed',
  'submitted',
  'adjudicated',
  'reconciled',
  'rejected',
] as const

export const ClaimStatus = z.enum(CLAIM_STATUSES)
export type ClaimStatus = z.infer<typeof ClaimStatus>

/** Statuses where a claim waits for something outside the pipeline (a payer, a person). */
export const RESTING_STATUSES: readonly ClaimStatus[] = ['payout_failed', 'submitted', 'adjudicated', 'reconciled', 'rejected']
