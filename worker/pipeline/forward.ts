import type { StoredClaim } from '../claims/claim-record'
import type { PipelineDeps } from './deps'

/**
 * Sends a claim on to whatever its status asks for next. Called after every step, and again when a
 * duplicate message finds the step already done: if a crash came between the commit and the send,
 * this is what gets the claim moving again. Sending twice is safe, since every consumer is idempotent.
 */
export async function forward(deps: Pick<PipelineDeps, 'queues'>, claim: Pick<StoredClaim, 'id' | 'providerId' | 'status'>): Promise<void> {
  const ref = { claimId: claim.id, providerId: claim.providerId }
  switch (claim.status) {
    case 'received':
      await deps.queues.ingest.send({ step: 'parse', ...ref })
      return
    case 'parsed':
    case 'needs_recode':
      await deps.queues.code.send({ step: 'code', ...ref })
      return
    case 'coded':
      await deps.queues.score.send({ step: 'score', ...ref })
      return
    case 'approved':
    case 'payout_pending':
      await deps.queues.pay.send({ step: 'pay', ...ref })
      return
    case 'paid':
      await deps.queues.notify.send({ step: 'notify', kind: 'claim.paid', ...ref })
      await deps.queues.submit.send({ step: 'submit', ...ref })
      return
    case 'rejected':
      await deps.queues.notify.send({ step: 'notify', kind: 'claim.rejected', ...ref })
      return
    case 'scored':
    case 'submitted':
    case 'adjudicated':
    case 'reconciled':
      // scored is never left standing (score and decision commit together); the rest wait on the payer.
      return
  }
}
