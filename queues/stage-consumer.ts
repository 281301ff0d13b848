import type { z } from 'zod'
import type { PipelineStep } from '../worker/claims'
import { type PipelineDeps, runSteps, type StepHandler } from '../worker/pipeline'
import { consume, pipelineDeps } from '../worker/platform'
import { outcomeToHandled } from './outcome'

type DeadLetterBinding = 'CLAIMS_INGEST_DLQ' | 'CLAIMS_CODE_DLQ' | 'CLAIMS_SCORE_DLQ' | 'CLAIMS_PAY_DLQ' | 'PAYER_SUBMIT_DLQ'

/**
 * A consumer for one pipeline stage: each message names a claim, and the step runs once per claim.
 * `deps` defaults to the bindings' own; the payments fault harness passes its faulty rail and queues.
 */
export function stageConsumer(
  step: PipelineStep,
  schema: z.ZodType<{ claimId: string; providerId: string }>,
  deadLetters: DeadLetterBinding,
  handler: StepHandler,
) {
  return async (batch: MessageBatch<unknown>, env: Env, deps: PipelineDeps = pipelineDeps(env)): Promise<void> => {
    await consume(batch, schema, env[deadLetters], async (messages) => (await runSteps(deps, step, handler, messages)).map(outcomeToHandled))
  }
}
