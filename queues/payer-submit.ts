import { SubmitMessage } from '../worker/contracts'
import { simulatorGateway } from '../worker/payers/gateway'
import { type PipelineDeps, runSteps } from '../worker/pipeline'
import { submitStepVia } from '../worker/pipeline/submit-step'
import { consume, pipelineDeps } from '../worker/platform'
import { outcomeToHandled } from './outcome'

/** payer-submit: a paid claim is written as an 837P and sent to its payer (the payer simulator). */
export async function consumePayerSubmit(batch: MessageBatch<unknown>, env: Env, deps: PipelineDeps = pipelineDeps(env)): Promise<void> {
  const step = submitStepVia(simulatorGateway(env))
  await consume(batch, SubmitMessage, env.PAYER_SUBMIT_DLQ, async (messages) => (await runSteps(deps, 'submit', step, messages)).map(outcomeToHandled))
}
