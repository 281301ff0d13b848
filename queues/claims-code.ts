import { CodeMessage } from '../worker/contracts'
import { codeStep } from '../worker/pipeline'
import { stageConsumer } from './stage-consumer'

/** claims-code: a parsed claim's codes are checked against the official code sets. */
export const consumeClaimsCode = stageConsumer('code', CodeMessage, 'CLAIMS_CODE_DLQ', codeStep)
