import { calibrate, predictOne, treeShap } from '../gbdt'
import { explainContributions, type FeatureRow, type RiskReason } from '../features'
import type { LoadedRiskModel } from './risk-artifact'

export type RiskScore = {
  modelVersion: number
  /** The trees' probability of payment in full, before calibration. */
  rawProbability: number
  /** Calibrated on held-out claims: of claims given 0.8, about 80% were paid in full. */
  probability: number
  /** round(100 x probability) */
  score: number
  /** Why the score is not higher, strongest first (from TreeSHAP). */
  reasons: RiskReason[]
}

/** The model's own feature order, read out of a catalogue row. */
function modelRow(model: LoadedRiskModel, row: FeatureRow): Float64Array {
  if (model.identity) return row.values
  const out = new Float64Array(model.columns.length)
  for (let i = 0; i < out.length; i++) out[i] = row.values[model.columns[i]!]!
  return out
}

export function scoreWithModel(model: LoadedRiskModel, row: FeatureRow): RiskScore {
  const values = modelRow(model, row)
  const rawProbability = predictOne(model.gbdt, values)
  const probability = calibrate(model.calibration, rawProbability)
  const { contributions } = treeShap(model.gbdt, values)
  return {
    modelVersion: model.modelVersion,
    rawProbability,
    probability,
    score: Math.round(100 * probability),
    reasons: explainContributions(model.featureNames, contributions, row.evidence),
  }
}
