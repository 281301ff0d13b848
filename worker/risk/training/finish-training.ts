import { openDb } from '../../db'
import { appendAudit } from '../../identity'
import { compareOnHeldOut, heldOutSlice, trainRiskModel, type FeatureMatrixBuilder, type ModelComparison } from '../model'
import { artifactKeyOf, getArtifact, putArtifact } from '../store/artifact-store'
import { createD1ModelRegistry } from '../store/d1-model-registry'
import { checkPromotion } from './promotion'
import type { TrainingJob } from './training-job'

type Bindings = { DB: D1Database; FILES: R2Bucket }

export type TrainingOutcome = { state: 'failed'; error: string } | { state: 'candidate' | 'active'; comparison: ModelComparison | null }

/**
 * Trains on the featurised history, judges the model on the newest held-out claims and against the
 * active model on those same claims, stores the artifact in R2 and the report in the registry, and
 * activates it when the job says so and it wins. A failure marks this run failed and touches nothing else.
 */
export async function finishTraining(env: Bindings, job: TrainingJob, data: FeatureMatrixBuilder, now: Date): Promise<TrainingOutcome> {
  const registry = createD1ModelRegistry(env.DB)
  const at = now.toISOString()
  const trained = trainRiskModel(data, job.version, job.params)
  if (!trained.ok) return failTraining(env, job, trained.message, now)

  const activeRow = await registry.active()
  let comparison: ModelComparison | null = null
  if (activeRow?.artifactKey) {
    const active = await getArtifact(env.FILES, activeRow.artifactKey)
    // The active model is compared as stored; one that no longer loads cannot be beaten, so say so.
    if (active.ok) comparison = compareOnHeldOut(trained.model, active.model, heldOutSlice(data))
  }
  const key = artifactKeyOf(job.version, job.modelId)
  await putArtifact(env.FILES, key, trained.artifact)
  const report = { ...trained.report, comparison }
  await registry.candidate(job.modelId, report, key, at)
  const audit = { actor: job.requestedBy, subjectType: 'risk-model', subjectId: job.modelId }
  await appendAudit(openDb(env.DB), [{ ...audit, action: 'risk.model.trained', detail: { version: job.version, auc: trained.report.test.calibrated.auc, rows: data.rows } }], now)

  if (job.autoPromote && checkPromotion({ version: job.version, state: 'candidate', report }, activeRow).ok) {
    await registry.activate(job.modelId, at)
    await appendAudit(openDb(env.DB), [{ ...audit, action: 'risk.model.activated', detail: { version: job.version, replaced: activeRow?.version ?? null, automatic: true } }], now)
    return { state: 'active', comparison }
  }
  return { state: 'candidate', comparison }
}

export async function failTraining(env: Bindings, job: TrainingJob, error: string, now: Date): Promise<TrainingOutcome> {
  await createD1ModelRegistry(env.DB).fail(job.modelId, error, now.toISOString())
  await appendAudit(openDb(env.DB), [{ actor: job.requestedBy, action: 'risk.model.failed', subjectType: 'risk-model', subjectId: job.modelId, detail: { version: job.version, error } }], now)
  return { state: 'failed', error }
}
