import type { ExposurePoint } from './contracts'
import { formatCentsText } from './money'

/** The windows the pool page offers, in days; the API accepts any from 7 to 366. */
export const EXPOSURE_WINDOWS = [30, 90, 365] as const

/** A day on the chart: its position, and its exposure in dollars for the scale (the label keeps the exact figure). */
export type ExposureDot = { index: number; day: string; dollars: number; label: string }

export function exposureDots(series: readonly ExposurePoint[]): ExposureDot[] {
  return series.map((p, index) => ({ index, day: p.day, dollars: Number(BigInt(p.exposureCents)) / 100, label: formatCentsText(p.exposureCents) }))
}

/** A round top for the y axis, so the gridlines fall on readable amounts; never zero (a flat pool still gets an axis). */
export function niceMax(value: number): number {
  if (value <= 0) return 100
  const step = 10 ** Math.floor(Math.log10(value))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step
  return 10 * step
}

/** The chart in words, for screen readers: where exposure started, ended and peaked over the window. */
export function exposureSummary(dots: readonly ExposureDot[]): string {
  const first = dots[0]
  const last = dots.at(-1)
  if (!first || !last) return 'No exposure figures.'
  const peak = dots.reduce((top, d) => (d.dollars > top.dollars ? d : top), first)
  return `Exposure over ${dots.length} days: ${first.label} on ${first.day}, ${last.label} on ${last.day}, highest ${peak.label} on ${peak.day}.`
}
