import { createD1ClaimStore } from '../claims/d1-claim-store'
import { readConfig } from '../config'
import type { IngestMessage, StatusChange } from '../contracts'
import { SandboxPayoutRail } from '../payments'
import type { PipelineDeps, StageQueues } from '../pipeline'
import { createD1ProviderStore } from '../providers'

/** Queue sendBatch takes at most 100 messages. */
const SEND_BATCH_MAX = 100

export function stageQueues(env: Env): StageQueues {
  return {
    ingest: {
      send: (m) => env.CLAIMS_INGEST.send(m),
      async sendMany(messages: IngestMessage[]) {
        for (let i = 0; i < messages.length; i += SEND_BATCH_MAX) {
          await env.CLAIMS_INGEST.sendBatch(messages.slice(i, i + SEND_BATCH_MAX).map((body) => ({ body })))
        }
      },
    },
    code: { send: (m) => env.CLAIMS_CODE.send(m) },
    score: { send: (m) => env.CLAIMS_SCORE.send(m) },
    pay: { send: (m) => env.CLAIMS_PAY.send(m) },
    submit: { send: (m) => env.PAYER_SUBMIT.send(m) },
    notify: { send: (m) => env.NOTIFICATIONS.send(m) },
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
  const providers = createD1ProviderStore(env.DB)
  return {
    store: createD1ClaimStore(env.DB),
    queues: stageQueues(env),
    hub: hubPublisher(env),
    documents: {
      async put(key, body, contentType) {
        await env.FILES.put(key, body, { httpMetadata: { contentType } })
      },
    },
    rail: new SandboxPayoutRail(),
    providerCutBps: (providerId) => providers.cutBps(providerId, config.DEFAULT_CUT_BPS),
    config: { scoreThreshold: config.SCORE_THRESHOLD },
    now: () => new Date(),
  }
}
