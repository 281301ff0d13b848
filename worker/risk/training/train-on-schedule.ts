import { RiskTrainParams } from '../model'
import { createD1ModelRegistry } from '../store/d1-model-registry'
import { requestTraining } from './request-training'

/** The daily cron that retrains the risk model (wrangler.toml). */
export const RISK_TRAINING_CRON = '0 4 * * *'

/** Longer than any training run takes; a run still "training" after this has lost its trainer. */
const STALE_AFTER_MS = 2 * 3_600_000

/**
 * Every day: clear a run that never finished, then retrain on the history so far with the default
 * parameters. The new model takes over only if it beats the active one on the same held-out claims.
 */
export async function trainOnSchedule(env: Pick<Env, 'DB' | 'RISK_TRAINER'>, now: Date): Promise<void> {
  const cleared = await createD1ModelRegistry(env.DB).failStale(new Date(now.getTime() - STALE_AFTER_MS).toISOString(), now.toISOString())
  const started = await requestTraining(env, { trigger: 'schedule', requestedBy: 'schedule', params: RiskTrainParams.parse({}), autoPromote: true }, now)
  console.info(JSON.stringify({ level: 'info', at: 'cron.risk-training', cleared, started: started.ok, version: started.ok ? started.model.version : null }))
}
