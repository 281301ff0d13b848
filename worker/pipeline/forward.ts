import type { StoredClaim } from '../claims'
import type { PipelineDeps, StageMessage } from './deps'

type ClaimRef = Pick<StoredClaim, 'id' | 'providerId' | 'status'>

/** What a claim's status asks for next: the message(s) that move it on, or none while it waits. */
export function nextMessages(claim: ClaimRef): StageMessage[] {
  const ref = { claimId: claim.id, providerId: claim.providerId }
  switch (claim.status) {
    case 'received':
      return [{ queue: 'claims-ingest', body: { step: 'parse', ...ref } }]
    case 'parsed':
    case 'needs_recode':
      return [{ queue: 'claims-code', body: { step: 'code', ...ref } }]
    case 'coded':
      return [{ queue: 'claims-score', body: { step: 'score', ...ref } }]
    case 'approved':
    case 'payout_pending':
      return [{ queue: 'claims-pay', body: { step: 'pay', ...ref } }]
    case 'paid':
      return [
        { queue: 'notifications', body: { step: 'notify', kind: 'claim.paid', ...ref } },
        { queue: 'payer-submit', body: { step: 'submit', ...ref } },
      ]
    case 'rejected':
      return [{ queue: 'notifications', body: { step: 'notify', kind: 'claim.rejected', ...ref } }]
    case 'scored':
    case 'payout_failed':
    case 'submitted':
    case 'adjudicated':
    case 'reconciled':
      // scored is never left standing (score and decision commit together); payout_failed waits on a
      // person; the rest wait on the payer.
      return []
  }
}

/**
 * Sends claims on to whatever their statuses ask for next. Called after every step, and again when a
 * duplicate message finds the step already done: if a crash came between the commit and the send,
 * this is what gets the claim moving again. Sending twice is safe, since every consumer is idempotent.
 */
export async function forward(deps: Pick<PipelineDeps, 'queues'>, claims: ClaimRef[]): Promise<void> {
  await deps.queues.sendAll(claims.flatMap(nextMessages))
}
