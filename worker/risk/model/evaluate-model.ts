import { auc, brierScore, calibrate, calibrationTable, expectedCalibrationError, logLoss, predict, type CalibrationRow, type FeatureMatrix } from '../gbdt'
import type { LoadedRiskModel } from './risk-artifact'

export type ModelMetrics = { rows: number; positiveRate: number; auc: number; logLoss: number; brier: number; ece: number; calibration: CalibrationRow[] }

/** Ten equal-width bins: the registry's calibration curve reads as "of claims given 0.8 ...". */
const CURVE = { bins: 10, strategy: 'equal-width' } as const

export function metricsOf(labels: ArrayLike<number>, probabilities: ArrayLike<number>): ModelMetrics {
  let positives = 0
  for (let i = 0; i < labels.length; i++) positives += labels[i]!
  return {
    rows: labels.length,
    positiveRate: round(positives / labels.length),
    auc: round(auc(labels, probabilities)),
    logLoss: round(logLoss(labels, probabilities)),
    brier: round(brierScore(labels, probabilities)),
    ece: round(expectedCalibrationError(labels, probabilities, CURVE)),
    calibration: calibrationTable(labels, probabilities, CURVE).map((r) => ({ ...r, meanPredicted: round(r.meanPredicted), observedRate: round(r.observedRate), minPredicted: round(r.minPredicted), maxPredicted: round(r.maxPredicted) })),
  }
}

/** Raw and calibrated probabilities of a model over catalogue rows (mapped to the model's own columns). */
export function modelProbabilities(model: LoadedRiskModel, x: FeatureMatrix): { raw: Float64Array; calibrated: Float64Array } {
  const own = model.identity ? x : selectColumns(x, model.columns)
  const raw = predict(model.gbdt, own)
  const calibrated = raw.map((p) => calibrate(model.calibration, p))
  return { raw, calibrated }
}

function selectColumns(x: FeatureMatrix, columns: Int32Array): FeatureMatrix {
  const values = new Float64Array(x.rows * columns.length)
  for (let r = 0; r < x.rows; r++) for (let c = 0; c < columns.length; c++) values[r * columns.length + c] = x.values[r * x.cols + columns[c]!]!
  return { values, rows: x.rows, cols: columns.length }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6
