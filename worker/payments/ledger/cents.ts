import { journalProblem } from './journal'
import type { JournalFailure } from './journal'

/**
 * Amounts arrive from 835 files, admin forms and queue messages: checked here so a builder returns a
 * value naming the bad field instead of posting a fraction of a cent or a negative line.
 */
export type CentsCheck = { ok: true } | JournalFailure

export function positiveCents(field: string, value: number): CentsCheck {
  if (!Number.isSafeInteger(value)) return journalProblem('not-whole-cents', `${field} must be a whole number of cents, got ${value}`)
  if (value <= 0) return journalProblem('non-positive-amount', `${field} must be more than zero, got ${value}`)
  return { ok: true }
}

export function nonNegativeCents(field: string, value: number): CentsCheck {
  if (!Number.isSafeInteger(value)) return journalProblem('not-whole-cents', `${field} must be a whole number of cents, got ${value}`)
  if (value < 0) return journalProblem('non-positive-amount', `${field} cannot be negative, got ${value}`)
  return { ok: true }
}

/** The first failed check, or ok: lets a builder list its checks in order and stop at the first problem. */
export function firstProblem(...checks: CentsCheck[]): CentsCheck {
  return checks.find((c) => !c.ok) ?? { ok: true }
}

/** Sums of cents in BigInt: a batch of large claims passes 2^53 long before any one of them does. */
export function sumCents(values: readonly number[]): bigint {
  return values.reduce((total, v) => total + BigInt(v), 0n)
}
