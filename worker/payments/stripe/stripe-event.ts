import { z } from 'zod'

/**
 * The parts of a Stripe event the payout state reads. A verified signature proves Stripe sent it,
 * not that it has the shape we expect (API versions change shapes), so it is parsed like any input.
 */
const Metadata = z.record(z.string(), z.string()).nullable().optional()

export const PayoutEventObject = z.object({
  id: z.string(),
  object: z.literal('payout'),
  amount: z.int(),
  status: z.enum(['pending', 'in_transit', 'paid', 'failed', 'canceled']),
  failure_code: z.string().nullable().optional(),
  failure_message: z.string().nullable().optional(),
  metadata: Metadata,
})

export const TransferEventObject = z.object({
  id: z.string(),
  object: z.literal('transfer'),
  amount: z.int(),
  amount_reversed: z.int(),
  transfer_group: z.string().nullable().optional(),
  metadata: Metadata,
})

export const PayoutEvent = z.object({
  id: z.string(),
  type: z.enum(['payout.paid', 'payout.failed', 'payout.canceled']),
  created: z.int(),
  account: z.string().optional(),
  data: z.object({ object: PayoutEventObject }),
})

export const TransferReversedEvent = z.object({
  id: z.string(),
  type: z.literal('transfer.reversed'),
  created: z.int(),
  data: z.object({ object: TransferEventObject }),
})

export const RailEvent = z.discriminatedUnion('type', [PayoutEvent, TransferReversedEvent])
export type RailEvent = z.infer<typeof RailEvent>

/** The claim an event concerns (from metadata or the transfer group), to load its payout state; null if none. */
export function claimIdOfEvent(event: unknown): string | null {
  const parsed = RailEvent.safeParse(event)
  if (!parsed.success) return null
  const object = parsed.data.data.object
  if (object.object === 'transfer') return object.metadata?.claim_id ?? object.transfer_group ?? null
  return object.metadata?.claim_id ?? null
}
