import { z } from 'zod'

/**
 * The reconciliation API as the Worker and the admin app both read it. Remittance amounts are a
 * claim's or one 835's, far below 2^53 cents, so they travel as plain integers.
 */

export const RECONCILIATION_KINDS = [
  'unknown-claim',
  'already-posted',
  'duplicate-remittance',
  'payer-mismatch',
  'charge-mismatch',
  'amounts-do-not-add-up',
  'unsupported-status',
  'unreadable-file',
] as const
export const ReconciliationKind = z.enum(RECONCILIATION_KINDS)
export type ReconciliationKind = z.infer<typeof ReconciliationKind>

const Cents = z.int()
const Id = z.string().max(64)

/**
 * What posting recorded about an item. Only these fields leave the Worker: the stored detail is
 * whatever posting wrote, and an allow-list keeps anything else (now or later) out of responses.
 */
export const ReconciliationDetail = z.object({
  chargeCents: Cents.optional(),
  paidCents: Cents.optional(),
  billedCents: Cents.optional(),
  adjustedCents: Cents.optional(),
  patientResponsibilityCents: Cents.optional(),
  /** The claim's status when the 835 arrived (already-posted). */
  status: z.string().max(40).optional(),
  postedByTrace: z.string().max(80).nullable().optional(),
  claimPayerId: z.string().max(80).optional(),
  remittancePayerId: z.string().max(80).optional(),
  /** CLP02 as the payer sent it. */
  statusCode: z.string().max(8).optional(),
  fileKey: z.string().max(300).optional(),
  /** How many problems made the file unreadable. */
  issues: z.int().optional(),
})
export type ReconciliationDetail = z.infer<typeof ReconciliationDetail>

export const ReconciliationItem = z.object({
  id: Id,
  kind: ReconciliationKind,
  payerId: z.string(),
  traceNumber: z.string(),
  /** CLP01 as the payer sent it: not necessarily a claim of ours. */
  claimRef: z.string().nullable(),
  providerId: z.string().nullable(),
  detail: ReconciliationDetail,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
})
export type ReconciliationItem = z.infer<typeof ReconciliationItem>

export const ReconciliationStatus = z.enum(['open', 'resolved'])
export type ReconciliationStatus = z.infer<typeof ReconciliationStatus>

export const ReconciliationQuery = z.object({
  status: ReconciliationStatus.default('open'),
  kind: ReconciliationKind.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const OpenCounts = z.object({ total: z.int(), byKind: z.record(ReconciliationKind, z.int()) })
export type OpenCounts = z.infer<typeof OpenCounts>

export const ReconciliationPage = z.object({
  items: z.array(ReconciliationItem),
  nextCursor: z.string().nullable(),
  open: OpenCounts,
})
export type ReconciliationPage = z.infer<typeof ReconciliationPage>

export const Adjustment = z.object({ line: z.int().nullable(), group: z.string(), reason: z.string(), amountCents: Cents })

/** The payer's answer for a claim as posting recorded it (CLP, CAS, LQ). */
export const PostedRemittance = z.object({
  traceNumber: z.string(),
  payerId: z.string(),
  statusCode: z.string(),
  outcome: z.enum(['paid', 'partial', 'denied']),
  chargeCents: Cents,
  paidCents: Cents,
  patientResponsibilityCents: Cents,
  adjustments: z.array(Adjustment),
  remarkCodes: z.array(z.string()),
  payerClaimControlNumber: z.string(),
  postedAt: z.string(),
})
export type PostedRemittance = z.infer<typeof PostedRemittance>

/** The claim an item names, when it is one of ours: ids, state and money only, never the patient. */
export const ReconciliationClaim = z.object({
  id: z.string(),
  providerId: z.string(),
  payerId: z.string(),
  status: z.string(),
  billedCents: Cents,
  remittance: PostedRemittance.nullable(),
})
export type ReconciliationClaim = z.infer<typeof ReconciliationClaim>

export const Resolution = z.object({ resolvedAt: z.string(), by: z.string(), note: z.string() })

export const ReconciliationItemDetail = z.object({
  item: ReconciliationItem,
  claim: ReconciliationClaim.nullable(),
  resolution: Resolution.nullable(),
})
export type ReconciliationItemDetail = z.infer<typeof ReconciliationItemDetail>

export const RESOLVE_NOTE_MAX = 500
export const ResolveInput = z.strictObject({
  note: z.string().trim().min(1, 'Say how the item was settled.').max(RESOLVE_NOTE_MAX, `At most ${RESOLVE_NOTE_MAX} characters.`),
})
export type ResolveInput = z.infer<typeof ResolveInput>

export const RemittanceFile = z.object({
  id: z.string(),
  payerId: z.string(),
  traceNumber: z.string(),
  paymentCents: Cents,
  /** CLP segments in the file. */
  claimCount: z.int(),
  /** Of those, claims this file posted (the rest are on the reconciliation list or were posted before). */
  claimsPosted: z.int(),
  openItems: z.int(),
  postedAt: z.string(),
})
export type RemittanceFile = z.infer<typeof RemittanceFile>

export const RemittanceQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const RemittancePage = z.object({ items: z.array(RemittanceFile), nextCursor: z.string().nullable() })
export type RemittancePage = z.infer<typeof RemittancePage>
