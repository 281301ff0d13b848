import { z } from 'zod'

/** X12 claim adjustment group codes: contractual, patient responsibility, other, payer initiated, correction. */
export const AdjustmentGroup = z.enum(['CO', 'PR', 'OA', 'PI', 'CR'])

export const ClaimAdjustment = z.object({
  group: AdjustmentGroup,
  /** A CARC (claim adjustment reason code), e.g. '45' (charge exceeds fee schedule), '50' (not medically necessary). */
  reason: z.string().regex(/^[A-Z]?[0-9]{1,3}$/, { error: 'a CARC is one to three digits, optionally after a letter' }),
  amountCents: z.int(),
})
export type ClaimAdjustment = z.infer<typeof ClaimAdjustment>

/** How a payer adjudicated a claim it accepted. */
export const AdjudicationResult = z.object({
  outcome: z.enum(['paid', 'partial', 'denied']),
  paidCents: z.int().min(0),
  adjustments: z.array(ClaimAdjustment),
})
export type AdjudicationResult = z.infer<typeof AdjudicationResult>

/** A claim the payer would not adjudicate at all (front-end edits): it gets an error ClaimResponse. */
export const ClaimRejection = z.object({
  outcome: z.literal('rejected'),
  reasons: z.array(z.object({ code: z.string().min(1), message: z.string().min(1) })).min(1),
})
export type ClaimRejection = z.infer<typeof ClaimRejection>

export const CARC_SYSTEM = 'https://x12.org/codes/claim-adjustment-reason-codes'
export const ADJUSTMENT_GROUP_SYSTEM = 'https://x12.org/codes/claim-adjustment-group-codes'
