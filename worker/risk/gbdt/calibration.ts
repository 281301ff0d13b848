import { z } from 'zod'

/**
 * A monotone map from the model's raw probability to a calibrated one, fitted on held-out data by
 * isotonic regression. Stored as knots and read between them by straight lines, so it is plain JSON in
 * the registry and the same number on every machine; outside the knots it holds the end values.
 */
export const calibrationSchema = z
  .object({
    kind: z.literal('isotonic'),
    /** Raw probabilities, ascending. */
    x: z.array(z.number().min(0).max(1)).min(1),
    /** Calibrated probabilities, non-decreasing. */
    y: z.array(z.number().min(0).max(1)).min(1),
  })
  .refine((c) => c.x.length === c.y.length, 'x and y need the same number of knots')
  .refine((c) => c.x.every((v, i) => i === 0 || v > c.x[i - 1]!), 'x must be strictly ascending')
  .refine((c) => c.y.every((v, i) => i === 0 || v >= c.y[i - 1]!), 'y must be non-decreasing')

export type Calibration = z.infer<typeof calibrationSchema>

export type CalibrationError = { ok: false; reason: 'no-data' | 'length-mismatch' | 'bad-probability' | 'bad-label' | 'corrupt'; message: string }

/**
 * Pool adjacent violators over the pairs sorted by probability: neighbouring groups whose observed
 * rates run backwards are merged until the rates rise, which is the least-squares monotone fit. Equal
 * probabilities are pooled first, so the fit does not depend on the input order.
 */
export function fitCalibration(probabilities: ArrayLike<number>, labels: ArrayLike<number>): { ok: true; calibration: Calibration } | CalibrationError {
  const n = probabilities.length
  if (labels.length !== n) return { ok: false, reason: 'length-mismatch', message: `${n} probabilities for ${labels.length} labels` }
  if (n === 0) return { ok: false, reason: 'no-data', message: 'no held-out predictions to calibrate on' }
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!
    if (!(p >= 0 && p <= 1)) return { ok: false, reason: 'bad-probability', message: `probability ${i} is ${p}: it must be in [0, 1]` }
    if (labels[i] !== 0 && labels[i] !== 1) return { ok: false, reason: 'bad-label', message: `label ${i} is ${labels[i]}: labels must be 0 or 1` }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a]! - probabilities[b]! || a - b)
  // Blocks on a stack: lowest and highest probability, summed labels, and count.
  const lo: number[] = []
  const hi: number[] = []
  const sum: number[] = []
  const count: number[] = []
  for (let k = 0; k < n; ) {
    const p = probabilities[order[k]!]!
    let s = 0
    let c = 0
    while (k < n && probabilities[order[k]!] === p) {
      s += labels[order[k]!]!
      c++
      k++
    }
    lo.push(p)
    hi.push(p)
    sum.push(s)
    count.push(c)
    while (sum.length > 1 && sum.at(-2)! / count.at(-2)! >= sum.at(-1)! / count.at(-1)!) {
      const s2 = sum.pop()!
      const c2 = count.pop()!
      const h2 = hi.pop()!
      lo.pop()
      sum[sum.length - 1]! += s2
      count[count.length - 1]! += c2
      hi[hi.length - 1] = h2
    }
  }
  // Each block is flat between its lowest and highest probability; between blocks the map is a ramp.
  const x: number[] = []
  const y: number[] = []
  for (let b = 0; b < sum.length; b++) {
    const rate = sum[b]! / count[b]!
    x.push(lo[b]!)
    y.push(rate)
    if (hi[b]! > lo[b]!) {
      x.push(hi[b]!)
      y.push(rate)
    }
  }
  return { ok: true, calibration: { kind: 'isotonic', x, y } }
}

/** The calibrated probability of a raw one; NaN stays NaN. */
export function calibrate(calibration: Calibration, p: number): number {
  const { x, y } = calibration
  if (p !== p) return p
  if (p <= x[0]!) return y[0]!
  const last = x.length - 1
  if (p >= x[last]!) return y[last]!
  let a = 0
  let b = last
  while (b - a > 1) {
    const mid = (a + b) >>> 1
    if (x[mid]! <= p) a = mid
    else b = mid
  }
  return y[a]! + ((y[b]! - y[a]!) * (p - x[a]!)) / (x[b]! - x[a]!)
}

/** A stored calibration, checked: a map that is not monotone would reorder claims. */
export function parseCalibration(input: unknown): { ok: true; calibration: Calibration } | CalibrationError {
  const parsed = calibrationSchema.safeParse(input)
  if (parsed.success) return { ok: true, calibration: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, reason: 'corrupt', message: `calibration is corrupt at ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}` }
}
