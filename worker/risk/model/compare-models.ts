import type { FeatureMatrix } from '../gbdt'
import { metricsOf, modelProbabilities, type ModelMetrics } from './evaluate-model'
import type { LoadedRiskModel } from './risk-artifact'

export type ModelComparison = {
  activeVersion: number
  candidate: ModelMetrics
  active: ModelMetrics
  /** Higher AUC on the same held-out claims; at equal AUC, lower log loss. */
  candidateBetter: boolean
}

/** Both models scored on the same held-out claims, calibrated, as they would decide payouts. */
export function compareOnHeldOut(candidate: LoadedRiskModel, active: LoadedRiskModel, heldOut: { x: FeatureMatrix; y: ArrayLike<number> }): ModelComparison {
  const c = metricsOf(heldOut.y, modelProbabilities(candidate, heldOut.x).calibrated)
  const a = metricsOf(heldOut.y, modelProbabilities(active, heldOut.x).calibrated)
  return { activeVersion: active.modelVersion, candidate: c, active: a, candidateBetter: c.auc > a.auc || (c.auc === a.auc && c.logLoss < a.logLoss) }
}
