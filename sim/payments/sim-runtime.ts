import {
  consumeClaimsCode,
  consumeClaimsIngest,
  consumeClaimsPay,
  consumeClaimsScore,
  consumeNotifications,
  consumePayerRemit,
  consumePayerSubmit,
} from '../../queues'
import type { PipelineDeps } from '../../worker/pipeline'
import type { SimQueueName, SimQueues } from './sim-queues'

/** The product's bindings with every queue replaced by the run's: whatever a consumer sends, the harness delivers. */
export function simBindings(env: Env, queues: SimQueues): Env {
  const dead = queues.binding('dead-letters')
  return {
    ...env,
    CLAIMS_INGEST: queues.binding('claims-ingest'),
    CLAIMS_CODE: queues.binding('claims-code'),
    CLAIMS_SCORE: queues.binding('claims-score'),
    CLAIMS_PAY: queues.binding('claims-pay'),
    PAYER_SUBMIT: queues.binding('payer-submit'),
    PAYER_REMIT: queues.binding('payer-remit'),
    NOTIFICATIONS: queues.binding('notifications'),
    CLAIMS_INGEST_DLQ: dead,
    CLAIMS_CODE_DLQ: dead,
    CLAIMS_SCORE_DLQ: dead,
    CLAIMS_PAY_DLQ: dead,
    PAYER_SUBMIT_DLQ: dead,
    PAYER_REMIT_DLQ: dead,
    NOTIFICATIONS_DLQ: dead,
  }
}

export type SimConsumer = (batch: MessageBatch<unknown>) => Promise<void>

/** The product's queue consumers, each given the run's bindings and pipeline deps. */
export function simConsumers(simEnv: Env, deps: PipelineDeps): Record<SimQueueName, SimConsumer> {
  return {
    'claims-ingest': (b) => consumeClaimsIngest(b, simEnv, deps),
    'claims-code': (b) => consumeClaimsCode(b, simEnv, deps),
    'claims-score': (b) => consumeClaimsScore(b, simEnv, deps),
    'claims-pay': (b) => consumeClaimsPay(b, simEnv, deps),
    'payer-submit': (b) => consumePayerSubmit(b, simEnv, deps),
    'payer-remit': (b) => consumePayerRemit(b, simEnv, deps.hub),
    notifications: (b) => consumeNotifications(b, simEnv),
  }
}
