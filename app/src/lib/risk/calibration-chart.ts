import { formatCount, formatPercent } from './format'
import type { CalibrationBin } from './model-report'

export type CurvePoint = { bin: number; predicted: number; observed: number; count: number; from: number; to: number }

/** One point per bin that held claims: where the model's mean prediction met what actually happened. */
export function curvePoints(bins: readonly CalibrationBin[]): CurvePoint[] {
  return bins
    .filter((b) => b.count > 0)
    .map((b) => ({ bin: b.group, predicted: b.meanPredicted, observed: b.observedRate, count: b.count, from: b.minPredicted, to: b.maxPredicted }))
}

export type MapPoint = { raw: number; calibrated: number }

/**
 * The fitted map as a line over the whole 0-1 range. It is stored as knots and holds its end values
 * outside them (that is how it is applied when scoring), so the line is extended flat to both edges.
 */
export function mapLine(x: readonly number[], y: readonly number[]): MapPoint[] {
  const n = Math.min(x.length, y.length)
  if (n === 0) return []
  const knots = Array.from({ length: n }, (_, i) => ({ raw: x[i]!, calibrated: y[i]! }))
  const first = knots[0]!
  const last = knots.at(-1)!
  return [...(first.raw > 0 ? [{ raw: 0, calibrated: first.calibrated }] : []), ...knots, ...(last.raw < 1 ? [{ raw: 1, calibrated: last.calibrated }] : [])]
}

/** The curve in words, for people who cannot see the chart. */
export function describeCurve(points: readonly CurvePoint[]): string {
  if (points.length === 0) return 'No held-out claims to draw a calibration curve from.'
  const parts = points.map((p) => `predicted ${formatPercent(p.predicted)}, observed ${formatPercent(p.observed)} (${formatCount(p.count)} claims)`)
  return `Calibration curve with ${points.length} ${points.length === 1 ? 'bin' : 'bins'}: ${parts.join('; ')}.`
}

/** A point's radius grows with the square root of its claims, so area reads as count. */
export function radiusFor(count: number, largest: number, range: readonly [number, number] = [3, 11]): number {
  if (largest <= 0) return range[0]
  return range[0] + (range[1] - range[0]) * Math.sqrt(Math.max(0, count) / largest)
}
