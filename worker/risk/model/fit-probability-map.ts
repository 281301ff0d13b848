import { calibrate, fitCalibration, logLoss, type Calibration } from '../gbdt'

/**
 * Calibration chosen on the calibration slice itself: isotonic regression follows any monotone shape but
 * is noisy on a few thousand claims; Platt scaling (a logistic curve over the log-odds) is steady but
 * rigid. Each is fitted on four fifths of the slice and judged on the fifth left out, five times; the
 * one with the lower log loss is refitted on the whole slice. Both are stored as the same monotone
 * knots, so scoring does not care which won.
 */
export type ProbabilityMapFit = { calibration: Calibration; method: 'isotonic' | 'platt'; crossValidatedLogLoss: { isotonic: number; platt: number } }

const FOLDS = 5
/** No claim is certain: a calibrated 0 or 1 would make one surprise cost infinite log loss. */
const FLOOR = 0.001
const PLATT_KNOTS = 64

export function fitProbabilityMap(raw: ArrayLike<number>, labels: ArrayLike<number>): { ok: true; fit: ProbabilityMapFit } | { ok: false; reason: string; message: string } {
  const n = raw.length
  const losses = { isotonic: 0, platt: 0 }
  for (let f = 0; f < FOLDS; f++) {
    const from = Math.floor((n * f) / FOLDS)
    const to = Math.floor((n * (f + 1)) / FOLDS)
    const fitIdx = [...range(0, from), ...range(to, n)]
    const fitP = fitIdx.map((i) => raw[i]!)
    const fitY = fitIdx.map((i) => labels[i]!)
    const heldP = Array.from(range(from, to), (i) => raw[i]!)
    const heldY = Array.from(range(from, to), (i) => labels[i]!)
    if (heldY.length === 0) continue
    const iso = isotonic(fitP, fitY)
    if (!iso.ok) return iso
    losses.isotonic += logLoss(heldY, heldP.map((p) => calibrate(iso.calibration, p))) * heldY.length
    const platt = plattMap(fitP, fitY)
    losses.platt += logLoss(heldY, heldP.map((p) => calibrate(platt, p))) * heldY.length
  }
  const method = losses.isotonic <= losses.platt ? 'isotonic' : 'platt'
  const all = { p: Array.from(raw), y: Array.from(labels) }
  const whole = method === 'isotonic' ? isotonic(all.p, all.y) : { ok: true as const, calibration: plattMap(all.p, all.y) }
  if (!whole.ok) return whole
  return { ok: true, fit: { calibration: whole.calibration, method, crossValidatedLogLoss: { isotonic: losses.isotonic / n, platt: losses.platt / n } } }
}

function* range(from: number, to: number) {
  for (let i = from; i < to; i++) yield i
}

function isotonic(p: number[], y: number[]) {
  const fitted = fitCalibration(p, y)
  if (!fitted.ok) return fitted
  return { ok: true as const, calibration: { ...fitted.calibration, y: fitted.calibration.y.map((v) => Math.min(1 - FLOOR, Math.max(FLOOR, v))) } }
}

const logit = (p: number) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p))
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** sigmoid(a * logit(p) + b) fitted by Newton's method on the log loss, drawn as knots. */
function plattMap(p: number[], y: number[]): Calibration {
  let a = 1
  let b = 0
  const z = p.map(logit)
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0
    for (let i = 0; i < z.length; i++) {
      const q = sigmoid(a * z[i]! + b)
      const r = q - y[i]!
      const w = Math.max(q * (1 - q), 1e-12)
      ga += r * z[i]!
      gb += r
      haa += w * z[i]! * z[i]!
      hab += w * z[i]!
      hbb += w
    }
    const det = haa * hbb - hab * hab
    if (Math.abs(det) < 1e-12) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-9) break
  }
  // A falling curve would reorder claims; a degenerate fit falls back to the identity.
  if (!(a > 0) || !Number.isFinite(b)) {
    a = 1
    b = 0
  }
  const x: number[] = []
  const out: number[] = []
  for (let k = 0; k < PLATT_KNOTS; k++) {
    const xv = sigmoid(-9 + (18 * k) / (PLATT_KNOTS - 1))
    x.push(xv)
    out.push(Math.min(1 - FLOOR, Math.max(FLOOR, sigmoid(a * logit(xv) + b))))
  }
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]!)
  return { kind: 'isotonic', x, y: out }
}
