import { z } from 'zod'
import { calibrationSchema, parseModel, type Calibration, type GbdtModel } from '../gbdt'
import { FEATURE_NAMES } from '../features'

/** What the registry stores in R2 for one model: the trees, the calibration and the features they read. */
export const RISK_ARTIFACT_FORMAT = 'claimpay-risk-model'
export const RISK_ARTIFACT_VERSION = 1

const artifactSchema = z.object({
  format: z.literal(RISK_ARTIFACT_FORMAT),
  formatVersion: z.number(),
  modelVersion: z.int().positive(),
  featureVersion: z.int().positive(),
  featureNames: z.array(z.string()).min(1),
  calibration: calibrationSchema,
  gbdt: z.unknown(),
})

export type RiskArtifact = z.infer<typeof artifactSchema>

/** A model ready to score: compiled trees, and where each of its features sits in a catalogue row. */
export type LoadedRiskModel = {
  modelVersion: number
  featureNames: string[]
  gbdt: GbdtModel
  calibration: Calibration
  /** Catalogue column of each model feature; identity when the model reads the current catalogue. */
  columns: Int32Array
  identity: boolean
}

export type RiskArtifactError = { ok: false; reason: 'not-json' | 'not-a-risk-model' | 'unsupported-version' | 'corrupt' | 'unknown-feature'; message: string }

/** Checks everything before anything scores with it: a model that does not load is never activated. */
export function loadRiskArtifact(input: unknown): { ok: true; model: LoadedRiskModel } | RiskArtifactError {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch {
      return { ok: false, reason: 'not-json', message: 'the model artifact is not valid JSON' }
    }
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== RISK_ARTIFACT_FORMAT) {
    return { ok: false, reason: 'not-a-risk-model', message: `not a ${RISK_ARTIFACT_FORMAT} artifact` }
  }
  const formatVersion = (value as { formatVersion?: unknown }).formatVersion
  if (formatVersion !== RISK_ARTIFACT_VERSION) {
    return { ok: false, reason: 'unsupported-version', message: `artifact format ${String(formatVersion)} is not supported (this build reads ${RISK_ARTIFACT_VERSION})` }
  }
  const parsed = artifactSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: 'corrupt', message: `artifact is corrupt at ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}` }
  }
  const artifact = parsed.data
  const gbdt = parseModel(artifact.gbdt)
  if (!gbdt.ok) return { ok: false, reason: gbdt.reason === 'unsupported-version' ? 'unsupported-version' : 'corrupt', message: gbdt.message }
  if (gbdt.model.document.featureNames.join('\u0000') !== artifact.featureNames.join('\u0000')) {
    return { ok: false, reason: 'corrupt', message: 'the trees and the artifact name different features' }
  }
  const columns = new Int32Array(artifact.featureNames.map((name) => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])))
  const unknown = artifact.featureNames.find((_, i) => columns[i]! < 0)
  if (unknown !== undefined) return { ok: false, reason: 'unknown-feature', message: `the model reads feature "${unknown}", which this build does not compute` }
  const identity = columns.length === FEATURE_NAMES.length && columns.every((c, i) => c === i)
  return { ok: true, model: { modelVersion: artifact.modelVersion, featureNames: artifact.featureNames, gbdt: gbdt.model, calibration: artifact.calibration, columns, identity } }
}

export function riskArtifactOf(input: { modelVersion: number; featureVersion: number; gbdt: GbdtModel; calibration: Calibration }): RiskArtifact {
  return {
    format: RISK_ARTIFACT_FORMAT,
    formatVersion: RISK_ARTIFACT_VERSION,
    modelVersion: input.modelVersion,
    featureVersion: input.featureVersion,
    featureNames: [...input.gbdt.document.featureNames],
    calibration: input.calibration,
    gbdt: input.gbdt.document,
  }
}
