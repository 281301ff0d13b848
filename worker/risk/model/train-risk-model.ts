import type { RiskTrainParams } from '../../contracts/risk'
import { train, type FeatureImportance } from '../gbdt'
import { FEATURE_NAMES, FEATURE_VERSION } from '../features'
import { metricsOf, modelProbabilities, type ModelMetrics } from './evaluate-model'
import type { FeatureMatrixBuilder } from './feature-matrix-builder'
import { fitProbabilityMap, type ProbabilityMapFit } from './fit-probability-map'
import { loadRiskArtifact, riskArtifactOf, type LoadedRiskModel, type RiskArtifact } from './risk-artifact'
import { timeSplit } from './time-split'

/** Below this, the four time slices are too thin to train, stop, calibrate and judge on. */
export const MIN_TRAINING_ROWS = 200

export type TrainingReport = {
  featureVersion: number
  dataWindow: { from: string; to: string }
  rows: { train: number; validation: number; calibration: number; test: number }
  treesKept: number
  stoppedEarly: boolean
  /** On the held-out newest slice: the trees alone, then calibrated. */
  test: { raw: ModelMetrics; calibrated: ModelMetrics }
  importance: FeatureImportance[]
  /** The fitted map from raw to calibrated probability, and how it was chosen. */
  calibrationMap: ProbabilityMapFit
}

export type TrainingFailure = { ok: false; reason: string; message: string }

export type TrainedRiskModel = { ok: true; artifact: RiskArtifact; model: LoadedRiskModel; report: TrainingReport }

/** Trains, calibrates and judges one model on rows in submission order (catalogue columns). */
export function trainRiskModel(data: FeatureMatrixBuilder, modelVersion: number, params: RiskTrainParams): TrainedRiskModel | TrainingFailure {
  if (data.rows < MIN_TRAINING_ROWS) {
    return { ok: false, reason: 'too-few-rows', message: `${data.rows} adjudicated claims in the history; training needs at least ${MIN_TRAINING_ROWS}` }
  }
  const split = timeSplit(data.rows)
  const trainRows = data.slice(...split.train)
  const validation = data.slice(...split.validation)
  const calibration = data.slice(...split.calibration)
  const test = data.slice(...split.test)
  for (const [name, slice] of [['training', trainRows], ['calibration', calibration], ['held-out', test]] as const) {
    const positives = slice.y.reduce((s, v) => s + v, 0)
    if (positives === 0 || positives === slice.y.length) {
      return { ok: false, reason: 'one-class-slice', message: `every claim in the ${name} slice was ${positives === 0 ? 'not paid in full' : 'paid in full'}: the model cannot learn or be judged` }
    }
  }
  const trained = train(
    { rows: trainRows.x, labels: trainRows.y, featureNames: FEATURE_NAMES, validation: { rows: validation.x, labels: validation.y } },
    params,
  )
  if (!trained.ok) return { ok: false, reason: trained.reason, message: trained.message }

  const uncalibrated = { modelVersion, featureNames: [...FEATURE_NAMES], gbdt: trained.model, calibration: { kind: 'isotonic' as const, x: [0, 1], y: [0, 1] }, columns: new Int32Array(FEATURE_NAMES.map((_, i) => i)), identity: true }
  const fitted = fitProbabilityMap(modelProbabilities(uncalibrated, calibration.x).raw, calibration.y)
  if (!fitted.ok) return { ok: false, reason: fitted.reason, message: fitted.message }
  const artifact = riskArtifactOf({ modelVersion, featureVersion: FEATURE_VERSION, gbdt: trained.model, calibration: fitted.fit.calibration })
  // Loaded back from the artifact, so what is judged is exactly what will score.
  const loaded = loadRiskArtifact(JSON.parse(JSON.stringify(artifact)))
  if (!loaded.ok) return { ok: false, reason: loaded.reason, message: loaded.message }
  const probabilities = modelProbabilities(loaded.model, test.x)
  return {
    ok: true,
    artifact,
    model: loaded.model,
    report: {
      featureVersion: FEATURE_VERSION,
      dataWindow: { from: data.dateAt(0), to: data.dateAt(data.rows - 1) },
      rows: { train: trainRows.x.rows, validation: validation.x.rows, calibration: calibration.x.rows, test: test.x.rows },
      treesKept: trained.treesKept,
      stoppedEarly: trained.stoppedEarly,
      test: { raw: metricsOf(test.y, probabilities.raw), calibrated: metricsOf(test.y, probabilities.calibrated) },
      importance: trained.importance,
      calibrationMap: fitted.fit,
    },
  }
}

/** The held-out slice of the same rows: where a candidate and the active model are compared. */
export function heldOutSlice(data: FeatureMatrixBuilder) {
  return data.slice(...timeSplit(data.rows).test)
}
