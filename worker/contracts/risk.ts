import { z } from 'zod'

export const RISK_MODEL_STATES = ['training', 'candidate', 'active', 'retired', 'failed'] as const
export const RiskModelState = z.enum(RISK_MODEL_STATES)
export type RiskModelState = z.infer<typeof RiskModelState>

/** Hyperparameters an admin may set for a training run; the defaults are what scheduled runs use. */
export const RiskTrainParams = z.strictObject({
  trees: z.int().min(1).max(1000).default(300),
  maxDepth: z.int().min(1).max(12).default(5),
  learningRate: z.number().gt(0).max(1).default(0.05),
  maxBins: z.int().min(2).max(256).default(256),
  minChildWeight: z.number().min(0).max(1000).default(5),
  lambda: z.number().min(0).max(1000).default(1),
  subsample: z.number().gt(0).max(1).default(0.9),
  colsampleByTree: z.number().gt(0).max(1).default(0.9),
  earlyStoppingRounds: z.int().min(0).max(200).default(30),
  seed: z.int().min(0).max(0xffff_ffff).default(1),
})
export type RiskTrainParams = z.infer<typeof RiskTrainParams>

export const TrainRequest = z.strictObject({
  params: RiskTrainParams.default(RiskTrainParams.parse({})),
  /** Activate the new model when it beats the active one (or when none is active yet). */
  autoPromote: z.boolean().default(false),
})

export const RiskModel = z.object({
  id: z.string(),
  version: z.int(),
  state: RiskModelState,
  trigger: z.enum(['admin', 'schedule']),
  requestedBy: z.string(),
  featureVersion: z.int(),
  params: z.record(z.string(), z.unknown()),
  /** Data window, rows per slice, held-out metrics and calibration, importance, comparison. */
  report: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  trainedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
})
export type RiskModel = z.infer<typeof RiskModel>

export const RiskModelPage = z.object({ items: z.array(RiskModel), nextBefore: z.int().nullable() })

export const RiskThreshold = z.strictObject({ threshold: z.int().min(1).max(99) })

export const RiskFeature = z.object({ name: z.string(), group: z.string(), description: z.string() })
