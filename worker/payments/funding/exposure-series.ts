import type { ExposurePoint } from './pool-contracts'

/** A day's net change to a pool's exposure, as the ledger's lines add up for that UTC day. */
export type ExposureDelta = { day: string; deltaCents: bigint }

const DAY_MS = 86_400_000

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * One point per day from `days - 1` days before `today` to `today`, each the exposure at the end of
 * that day. Days with no entries carry the previous balance, so a chart shows flat lines, not gaps;
 * changes before the window are folded into its first day.
 */
export function dailyExposure(deltas: readonly ExposureDelta[], today: Date, days: number): ExposurePoint[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  const start = end - (days - 1) * DAY_MS
  const firstDay = dayOf(start)
  const byDay = new Map<string, bigint>()
  let balance = 0n
  for (const d of deltas) {
    if (d.day < firstDay) balance += d.deltaCents
    else byDay.set(d.day, (byDay.get(d.day) ?? 0n) + d.deltaCents)
  }
  const points: ExposurePoint[] = []
  for (let t = start; t <= end; t += DAY_MS) {
    const day = dayOf(t)
    balance += byDay.get(day) ?? 0n
    points.push({ day, exposureCents: balance.toString() })
  }
  return points
}
