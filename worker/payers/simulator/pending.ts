import { z } from 'zod'

/** A claim the payer has accepted and will adjudicate at `dueAt` (ms); no PHI, only where the file is. */
export const PendingClaim = z.object({ claimId: z.string(), fileKey: z.string(), receivedAt: z.string(), dueAt: z.number() })
export type PendingClaim = z.infer<typeof PendingClaim>

/** Claims are answered together when due, grouped by billing provider NPI as one 835 per payee. */
export function duePending(pending: PendingClaim[], nowMs: number): PendingClaim[] {
  return pending.filter((p) => p.dueAt <= nowMs).sort((a, b) => (a.claimId < b.claimId ? -1 : 1))
}
