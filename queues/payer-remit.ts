import { createD1ClaimStore } from '../worker/claims'
import { loadKeyring } from '../worker/identity'
import { RemitMessage } from '../worker/payers/simulator'
import { createD1RemittanceStore, postRemittance } from '../worker/payments/reconcile'
import type { StatusPublisher } from '../worker/pipeline'
import { consume, hubPublisher } from '../worker/platform'
import { sealedFiles } from '../worker/platform/sealed-files'

/**
 * payer-remit: a payer's 835 is posted. Messages carry the sealed file's key; posting is idempotent
 * by the payer's trace number, so redeliveries post nothing twice.
 */
export async function consumePayerRemit(batch: MessageBatch<unknown>, env: Env, hub: StatusPublisher = hubPublisher(env)): Promise<void> {
  const claims = createD1ClaimStore(env.DB)
  const deps = {
    remittances: createD1RemittanceStore(env.DB, claims),
    claims,
    files: sealedFiles(env.FILES, await loadKeyring(env)),
    hub,
    now: () => new Date(),
  }
  await consume(batch, RemitMessage, env.PAYER_REMIT_DLQ, async (messages) => {
    const outcomes = []
    // One 835 at a time: two files naming the same claim must not race for it.
    for (const message of messages) {
      try {
        const result = await postRemittance(deps, message)
        console.info(JSON.stringify({ level: 'info', at: 'payer-remit', payer: message.payerId, trace: message.traceNumber, ...result }))
        outcomes.push({ kind: 'ack' as const })
      } catch (error) {
        outcomes.push({ kind: 'retry' as const, error: error instanceof Error ? error : new Error(String(error)) })
      }
    }
    return outcomes
  })
}
