import type { z } from 'zod'
import type { PipelineStep } from '../worker/claims'
import { runSteps, type StepHandler } from '../worker/pipeline'
import { consume, pipelineDeps } from '../worker/platform'
import { outcomeToHandled } from './outcome'

type DeadLetterBinding = 'CLAIMS_INGEST_DLQ' | 'CLAIMS_CODE_DLQ' | 'CLAIMS_SCORE_DLQ' | 'CLAIMS_PAY_DLQ' | 'PAYER_SUBMIT_DLQ'

/** A consumer for one pipeline stage: each message names a claim, and the step runs once per claim. */
export function stageConsumer(
  step: PipelineStep,
  schema: z.ZodType<{ claimId: string; providerId: string }>,
  deadLetters: DeadLetterBinding,
  handler: StepHandler,
) {
  return async (batch: MessageBatch<unknown>, env: Env): Promise<void> => {
    const deps = pipelineDeps(env)
    await consume(batch, schema, env[deadLetters], async (messages) => (await runSteps(deps, step, handler, messages)).map(outcomeToHandled))
  }
}
