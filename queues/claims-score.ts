import { ScoreMessage } from '../worker/contracts'
import { scoreStep } from '../worker/pipeline'
import { stageConsumer } from './stage-consumer'

/** claims-score: a coded claim is scored, then approved for payout or declined. */
export const consumeClaimsScore = stageConsumer('score', ScoreMessage, 'CLAIMS_SCORE_DLQ', scoreStep)
