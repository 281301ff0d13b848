/**
 * Failed sign-ins per email: the first few cost nothing, then each failure locks the email for longer
 * (30 s, 2 min, then 15 min). Counted for unknown emails too, so a lockout says nothing about
 * whether an account exists. A success clears the count.
 */
export type FailureRecord = { failures: number; lockedUntil: string | null }

const FREE_FAILURES = 2
const LOCKS_MS = [30_000, 120_000, 900_000]

export function lockedFor(record: FailureRecord | null, now: Date): number {
  if (!record?.lockedUntil) return 0
  return Math.max(0, Date.parse(record.lockedUntil) - now.getTime())
}

export function afterFailure(record: FailureRecord | null, now: Date): FailureRecord {
  const failures = (record?.failures ?? 0) + 1
  const step = failures - FREE_FAILURES - 1
  if (step < 0) return { failures, lockedUntil: null }
  const lockMs = LOCKS_MS[Math.min(step, LOCKS_MS.length - 1)] ?? 900_000
  return { failures, lockedUntil: new Date(now.getTime() + lockMs).toISOString() }
}
