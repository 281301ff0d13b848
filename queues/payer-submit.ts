import { SubmitMessage } from '../worker/contracts'
import { submitStep } from '../worker/pipeline'
import { stageConsumer } from './stage-consumer'

/** payer-submit: a paid claim is submitted to its payer. */
export const consumePayerSubmit = stageConsumer('submit', SubmitMessage, 'PAYER_SUBMIT_DLQ', submitStep)
