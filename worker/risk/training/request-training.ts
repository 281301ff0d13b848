import { openDb } from '../../db'
import { appendAudit } from '../../identity'
import { FEATURE_VERSION } from '../features'
import type { RiskTrainParams } from '../model'
import { createD1ModelRegistry, type StartTraining, type TrainingTrigger } from '../store/d1-model-registry'
import type { TrainingJob } from './training-job'

type Bindings = Pick<Env, 'DB' | 'RISK_TRAINER'>

/** One trainer for the platform: runs queue behind the registry's one-training-at-a-time rule anyway. */
export const trainerStub = (env: Bindings) => env.RISK_TRAINER.get(env.RISK_TRAINER.idFromName('platform'))

/**
 * Registers a training run (refused while another is in progress) and hands it to the trainer. If the
 * hand-over fails, the run is marked failed at once rather than blocking the next one.
 */
export async function requestTraining(
  env: Bindings,
  input: { trigger: TrainingTrigger; requestedBy: string; params: RiskTrainParams; autoPromote: boolean },
  now: Date,
): Promise<StartTraining> {
  const registry = createD1ModelRegistry(env.DB)
  const started = await registry.startTraining({ trigger: input.trigger, requestedBy: input.requestedBy, featureVersion: FEATURE_VERSION, params: input.params })
  if (!started.ok) return started
  const job: TrainingJob = { modelId: started.model.id, version: started.model.version, params: input.params, asOf: now.toISOString().slice(0, 10), autoPromote: input.autoPromote, requestedBy: input.requestedBy }
  try {
    await trainerStub(env).start(job)
  } catch (error) {
    await registry.fail(job.modelId, 'the trainer could not be reached; train again', now.toISOString())
    throw error
  }
  await appendAudit(openDb(env.DB), [{ actor: input.requestedBy, action: 'risk.training.requested', subjectType: 'risk-model', subjectId: job.modelId, detail: { version: job.version, trigger: input.trigger, autoPromote: input.autoPromote, params: input.params } }], now)
  return started
}
