import { sealClaimPhi } from '../worker/claims'
import { IngestMessage } from '../worker/contracts'
import { loadKeyring } from '../worker/identity'
import { fanOutUpload, type PipelineDeps, parseStep, runSteps } from '../worker/pipeline'
import { consume, type Handled, pipelineDeps, sealedFiles } from '../worker/platform'
import { createD1UploadStore } from '../worker/uploads'
import { outcomeToHandled } from './outcome'

/** claims-ingest: an upload is fanned out into claims; a claim is parsed. */
export async function consumeClaimsIngest(batch: MessageBatch<unknown>, env: Env, deps: PipelineDeps = pipelineDeps(env)): Promise<void> {
  const uploads = createD1UploadStore(env.DB)
  const keyring = await loadKeyring(env)
  const files = sealedFiles(env.FILES, keyring)
  const readText = (key: string) => files.getText(key)
  const sealPhi = (claimId: string, input: Parameters<typeof sealClaimPhi>[2]) => sealClaimPhi(keyring, claimId, input)

  await consume(batch, IngestMessage, env.CLAIMS_INGEST_DLQ, async (messages) => {
    const parses = messages.flatMap((m) => (m.step === 'parse' ? [m] : []))
    const parsed = (await runSteps(deps, 'parse', parseStep, parses)).map(outcomeToHandled)
    return Promise.all(
      messages.map(async (m): Promise<Handled> => {
        if (m.step === 'parse') return parsed[parses.indexOf(m)]!
        try {
          const outcome = await fanOutUpload({ ...deps, uploads, readText, sealPhi }, m)
          if (outcome.kind === 'done') return { kind: 'ack' }
          return { kind: 'dead-letter', reason: outcome.kind === 'unknown-upload' ? 'unknown upload' : outcome.reason }
        } catch (error) {
          return { kind: 'retry', error: error instanceof Error ? error : new Error(String(error)) }
        }
      }),
    )
  })
}
