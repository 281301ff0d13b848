import { CLAIM_STATUSES, type ClaimStatus, type DayCounters, type StatusChange } from '../contracts'

export function emptyCounters(day: string): DayCounters {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
  return { day, byStatus, billedCents: 0, paidOutCents: 0 }
}

/**
 * Counts a change into its day: claims that entered each status, the value received and the money
 * paid out. Counting entries (not current positions) keeps the figures monotonic through the day.
 */
export function applyChange(counters: DayCounters, change: StatusChange): DayCounters {
  return {
    ...counters,
    byStatus: { ...counters.byStatus, [change.toStatus]: (counters.byStatus[change.toStatus] ?? 0) + 1 },
    billedCents: counters.billedCents + (change.toStatus === 'received' ? change.billedCents : 0),
    paidOutCents: counters.paidOutCents + (change.toStatus === 'paid' ? (change.payoutCents ?? 0) : 0),
  }
}
