import { chunk, createD1ClaimStore } from '../claims'
import { readConfig, stripeSettings } from '../config'
import type { StatusChange } from '../contracts'
import { loadKeyring } from '../identity'
import { SandboxPayoutRail } from '../payments'
import { d1CutDecider } from '../payments/d1/d1-cut-rules'
import { createD1PoolSource } from '../payments/d1/d1-pool-source'
import { stripePayoutRail } from '../payments/stripe-rail-from-settings'
import type { PipelineDeps, StageMessage, StageQueues } from '../pipeline'
import { pipelineRisk } from '../risk/store/pipeline-risk'
import { sealedFiles } from './sealed-files'

/** Queue sendBatch takes at most 100 messages. */
const SEND_BATCH_MAX = 100

export function stageQueues(env: Env): StageQueues {
  const bindings: Record<StageMessage['queue'], Queue> = {
    'claims-ingest': env.CLAIMS_INGEST,
    'claims-code': env.CLAIMS_CODE,
    'claims-score': env.CLAIMS_SCORE,
    'claims-pay': env.CLAIMS_PAY,
    'payer-submit': env.PAYER_SUBMIT,
    notifications: env.NOTIFICATIONS,
  }
  return {
    async sendAll(messages) {
      const byQueue = new Map<StageMessage['queue'], StageMessage[]>()
      for (const m of messages) byQueue.set(m.queue, [...(byQueue.get(m.queue) ?? []), m])
      await Promise.all(
        [...byQueue].map(async ([queue, list]) => {
          for (const part of chunk(list, SEND_BATCH_MAX)) await bindings[queue].sendBatch(part.map((m) => ({ body: m.body })))
        }),
      )
    },
  }
}

export function hubPublisher(env: Env) {
  return {
    async publish(providerId: string, changes: StatusChange[]): Promise<void> {
      if (changes.length === 0) return
      await env.PROVIDER_HUB.get(env.PROVIDER_HUB.idFromName(providerId)).publish(changes)
    },
  }
}

/** Everything a pipeline step needs, built from the bindings of this invocation. */
export function pipelineDeps(env: Env): PipelineDeps {
  const config = readConfig(env)
  // Stripe when it is configured; otherwise the sandbox, so local runs and tests of other features pay.
  const stripe = stripeSettings(config)
  return {
    store: createD1ClaimStore(env.DB),
    queues: stageQueues(env),
    hub: hubPublisher(env),
    documents: {
      async put(key, body, contentType) {
        await sealedFiles(env.FILES, await loadKeyring(env)).put(key, body, contentType)
      },
    },
    rail: stripe ? stripePayoutRail(stripe, env.DB) : new SandboxPayoutRail(),
    cutFor: d1CutDecider(env.DB, config.DEFAULT_CUT_BPS),
    risk: pipelineRisk(env, config.SCORE_THRESHOLD, () => new Date()),
    pools: createD1PoolSource(env.DB),
    now: () => new Date(),
  }
}
