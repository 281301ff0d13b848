import { IngestMessage } from '../worker/contracts'
import { fanOutUpload, parseStep, runSteps } from '../worker/pipeline'
import { consume, type Handled, pipelineDeps } from '../worker/platform'
import { createD1UploadStore } from '../worker/uploads'
import { outcomeToHandled } from './outcome'

/** claims-ingest: an upload is fanned out into claims; a claim is parsed. */
export async function consumeClaimsIngest(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deps = pipelineDeps(env)
  const uploads = createD1UploadStore(env.DB)
  const readText = async (key: string) => (await env.FILES.get(key))?.text() ?? null

  await consume(batch, IngestMessage, env.CLAIMS_INGEST_DLQ, async (messages) => {
    const parses = messages.flatMap((m) => (m.step === 'parse' ? [m] : []))
    const parsed = (await runSteps(deps, 'parse', parseStep, parses)).map(outcomeToHandled)
    return Promise.all(
      messages.map(async (m): Promise<Handled> => {
        if (m.step === 'parse') return parsed[parses.indexOf(m)]!
        try {
          const outcome = await fanOutUpload({ ...deps, uploads, readText }, m)
          if (outcome.kind === 'done') return { kind: 'ack' }
          return { kind: 'dead-letter', reason: outcome.kind === 'unknown-upload' ? 'unknown upload' : outcome.reason }
        } catch (error) {
          return { kind: 'retry', error: error instanceof Error ? error : new Error(String(error)) }
        }
      }),
    )
  })
}
