import { DurableObject } from 'cloudflare:workers'
import { failTraining, finishTraining, HistoryFeaturiser, TrainingJob } from '../worker/risk/training'

const JOB_KEY = 'job'

/** Claims featurised per alarm: each alarm is one invocation under the CPU limit; the rest follow at once. */
const ROWS_PER_ALARM = 50_000

/**
 * Trains risk models in the Worker runtime, one run at a time: the history is featurised over as many
 * alarms as it takes, then one alarm trains, judges and stores the model. The features are kept in
 * memory between alarms; after an eviction the run starts its featurising over from the stored job.
 */
export class RiskTrainer extends DurableObject<Env> {
  private run: { modelId: string; featuriser: HistoryFeaturiser } | null = null

  async start(raw: unknown): Promise<void> {
    const job = TrainingJob.parse(raw)
    this.run = null
    await this.ctx.storage.put(JOB_KEY, job)
    await this.ctx.storage.setAlarm(Date.now())
  }

  override async alarm(): Promise<void> {
    await this.ctx.blockConcurrencyWhile(() => this.step())
  }

  private async step(): Promise<void> {
    const stored = await this.ctx.storage.get(JOB_KEY)
    if (stored === undefined) return
    const job = TrainingJob.parse(stored)
    if (this.run?.modelId !== job.modelId) this.run = { modelId: job.modelId, featuriser: new HistoryFeaturiser(this.env.DB, job.asOf) }
    try {
      if ((await this.run.featuriser.advance(ROWS_PER_ALARM)) === 'more') {
        await this.ctx.storage.setAlarm(Date.now())
        return
      }
      const outcome = await finishTraining(this.env, job, this.run.featuriser.data, new Date())
      console.info(JSON.stringify({ level: 'info', at: 'risk.training', version: job.version, state: outcome.state, rows: this.run.featuriser.data.rows }))
    } catch (error) {
      // Only the error's name: a message could quote data. The run fails; the active model stays.
      const name = error instanceof Error ? error.name : 'Error'
      console.error(JSON.stringify({ level: 'error', at: 'risk.training', version: job.version, error: name }))
      await failTraining(this.env, job, `training stopped on an unexpected ${name}; see the Worker logs and train again`, new Date())
    }
    this.run = null
    await this.ctx.storage.delete(JOB_KEY)
  }
}
