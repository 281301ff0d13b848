import { z } from 'zod'
import { ClaimStatus } from './claim-status'

/** A status change as the ProviderHub receives it from the pipeline (one per claim version). */
export const StatusChange = z.object({
  claimId: z.string(),
  claimNumber: z.string(),
  version: z.int(),
  fromStatus: ClaimStatus.nullable(),
  toStatus: ClaimStatus,
  billedCents: z.int(),
  payoutCents: z.int().nullable(),
  payerName: z.string(),
  at: z.string(),
})
export type StatusChange = z.infer<typeof StatusChange>

/** Today's (UTC) figures: claims that entered each status, and money in and out. */
export const DayCounters = z.object({
  day: z.string(),
  byStatus: z.record(ClaimStatus, z.int()),
  billedCents: z.int(),
  paidOutCents: z.int(),
})
export type DayCounters = z.infer<typeof DayCounters>

export const LiveEvent = StatusChange.extend({ seq: z.int() })
export type LiveEvent = z.infer<typeof LiveEvent>

/** Frames the server sends on /api/v1/live. */
export const LiveFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), seq: z.int(), counters: DayCounters, recent: z.array(LiveEvent) }),
  z.object({ type: z.literal('claim.status'), event: LiveEvent, counters: DayCounters }),
  z.object({ type: z.literal('pong') }),
])
export type LiveFrame = z.infer<typeof LiveFrame>

/** Frames a client may send: a ping, to keep intermediaries from closing an idle socket. */
export const LiveClientFrame = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })])
export type LiveClientFrame = z.infer<typeof LiveClientFrame>
