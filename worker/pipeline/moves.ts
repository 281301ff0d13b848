import type { ClaimReason } from '../contracts'
import type { ClaimMove } from '../claims'

export function rejectMove(step: string, reasons: ClaimReason[]): ClaimMove {
  return { to: 'rejected', step, detail: { reasons: reasons.map((r) => r.code) } }
}

/** The UTC calendar day of an instant, as YYYY-MM-DD. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}
