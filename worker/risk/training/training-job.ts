import { z } from 'zod'
import { RiskTrainParams } from '../model'

/** What the trainer is asked to do; stored with the Durable Object until the run ends. */
export const TrainingJob = z.object({
  modelId: z.string(),
  version: z.int().positive(),
  params: RiskTrainParams,
  /** YYYY-MM-DD: outcomes adjudicated after this day are not known yet and are left out. */
  asOf: z.iso.date(),
  /** Scheduled and first runs activate the model themselves when it wins; admin runs leave a candidate. */
  autoPromote: z.boolean(),
  requestedBy: z.string(),
})
export type TrainingJob = z.infer<typeof TrainingJob>
