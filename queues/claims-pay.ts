import { PayMessage } from '../worker/contracts'
import { payStep } from '../worker/pipeline'
import { stageConsumer } from './stage-consumer'

/** claims-pay: an approved claim is paid out, exactly once. */
export const consumeClaimsPay = stageConsumer('pay', PayMessage, 'CLAIMS_PAY_DLQ', payStep)
