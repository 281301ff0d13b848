import { aggregateId, type AggregateKey } from './aggregate-keys'

/** One row of risk_aggregates: a dimension's outcomes in one month of adjudication (YYYY-MM). */
export type MonthlyOutcomes = AggregateKey & { month: string; claims: number; notPaid: number; billedCents: number }

/** A key's outcomes over the window, and the first month it was ever seen (its tenure). */
export type WindowOutcomes = { claims: number; notPaid: number; billedCents: number; firstMonth: string | null; activeMonths: number }

export const EMPTY_OUTCOMES: WindowOutcomes = { claims: 0, notPaid: 0, billedCents: 0, firstMonth: null, activeMonths: 0 }

/** Denial rates look back a year: long enough for rare codes, short enough to follow a payer's policy changes. */
export const WINDOW_MONTHS = 12

/** The month `months` before a YYYY-MM-DD or YYYY-MM date, as YYYY-MM. */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 - months
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`
}

/**
 * Sums each key's months from WINDOW_MONTHS before `asOf` through its month; tenure (first month) looks
 * at every month. Rows for keys not asked about are ignored.
 */
export function summariseOutcomes(rows: readonly MonthlyOutcomes[], keys: readonly AggregateKey[], asOf: string): Map<string, WindowOutcomes> {
  const from = monthsBefore(asOf, WINDOW_MONTHS)
  const through = asOf.slice(0, 7)
  const out = new Map<string, WindowOutcomes>(keys.map((k) => [aggregateId(k), { ...EMPTY_OUTCOMES }]))
  for (const row of rows) {
    const sum = out.get(aggregateId(row))
    if (!sum || row.month > through) continue
    if (sum.firstMonth === null || row.month < sum.firstMonth) sum.firstMonth = row.month
    if (row.month < from) continue
    sum.claims += row.claims
    sum.notPaid += row.notPaid
    sum.billedCents += row.billedCents
    sum.activeMonths += 1
  }
  return out
}
