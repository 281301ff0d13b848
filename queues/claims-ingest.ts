import { IngestMessage } from '../worker/contracts'
import { fanOutUpload, parseStep, runStep } from '../worker/pipeline'
import { consume, pipelineDeps } from '../worker/platform'
import { createD1UploadStore } from '../worker/uploads'
import { outcomeToHandled } from './outcome'

/** claims-ingest: an upload is fanned out into claims; a claim is parsed. */
export async function consumeClaimsIngest(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deps = pipelineDeps(env)
  await consume(batch, IngestMessage, env.CLAIMS_INGEST_DLQ, async (message) => {
    if (message.step === 'parse') return outcomeToHandled(await runStep(deps, 'parse', parseStep, message))
    const outcome = await fanOutUpload(
      {
        store: deps.store,
        queues: deps.queues,
        hub: deps.hub,
        uploads: createD1UploadStore(env.DB),
        readText: async (key) => (await env.FILES.get(key))?.text() ?? null,
      },
      message,
    )
    if (outcome.kind === 'done') return { kind: 'ack' }
    return { kind: 'dead-letter', reason: outcome.kind === 'unknown-upload' ? 'unknown upload' : outcome.reason }
  })
}
