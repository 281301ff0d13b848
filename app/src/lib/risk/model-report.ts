import { z } from 'zod'
import type { RiskModel } from '$contracts'

// The registry contract stores a model's report as an open record; its shape is the trainer's
// TrainingReport plus the comparison with the active model. Read here, where the pages need it, and
// checked rather than cast: a report written by an older trainer must not break the page.

/** A metric the trainer could not compute is stored as null (NaN does not survive JSON). */
const Metric = z.number().nullable()

export const CalibrationBin = z.object({
  group: z.int(),
  count: z.int(),
  meanPredicted: z.number(),
  observedRate: z.number(),
  minPredicted: z.number(),
  maxPredicted: z.number(),
})
export type CalibrationBin = z.infer<typeof CalibrationBin>

export const ModelMetrics = z.object({
  rows: z.int(),
  /** Share of the held-out claims paid in full. */
  positiveRate: Metric,
  auc: Metric,
  logLoss: Metric,
  brier: Metric,
  /** Expected calibration error: the count-weighted gap between predicted and observed, per bin. */
  ece: Metric,
  calibration: z.array(CalibrationBin),
})
export type ModelMetrics = z.infer<typeof ModelMetrics>

export const FeatureGain = z.object({ feature: z.string(), gain: z.number(), splits: z.int() })
export type FeatureGain = z.infer<typeof FeatureGain>

export const ModelComparison = z.object({
  activeVersion: z.int(),
  candidate: ModelMetrics,
  active: ModelMetrics,
  candidateBetter: z.boolean(),
})
export type ModelComparison = z.infer<typeof ModelComparison>

export const ModelReport = z.object({
  featureVersion: z.int(),
  dataWindow: z.object({ from: z.string(), to: z.string() }),
  rows: z.object({ train: z.int(), validation: z.int(), calibration: z.int(), test: z.int() }),
  treesKept: z.int(),
  stoppedEarly: z.boolean(),
  test: z.object({ raw: ModelMetrics, calibrated: ModelMetrics }),
  importance: z.array(FeatureGain),
  calibrationMap: z.object({
    calibration: z.object({ kind: z.string(), x: z.array(z.number()), y: z.array(z.number()) }),
    method: z.enum(['isotonic', 'platt']),
    crossValidatedLogLoss: z.record(z.string(), z.number()),
  }),
  /** Null when no model was active to compare with. */
  comparison: ModelComparison.nullable().default(null),
})
export type ModelReport = z.infer<typeof ModelReport>

export type ReportReading = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'ok'; report: ModelReport }

/** A model's report: none yet (training, failed), one this page cannot read, or the parsed report. */
export function readReport(model: Pick<RiskModel, 'report'>): ReportReading {
  if (model.report === null) return { kind: 'none' }
  const parsed = ModelReport.safeParse(model.report)
  return parsed.success ? { kind: 'ok', report: parsed.data } : { kind: 'unreadable' }
}

/** Rows the model was built from: trained on, stopped early on, calibrated on and judged on. */
export function totalRows(report: ModelReport): number {
  const { train, validation, calibration, test } = report.rows
  return train + validation + calibration + test
}
