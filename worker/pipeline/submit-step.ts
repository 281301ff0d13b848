import { toClaimContract } from '../claims'
import type { StepHandler } from './run-step'

/**
 * paid -> submitted. There is no payer connection yet: this stores the submission document the
 * payer would receive (JSON, in R2) and records the submission, saying it was not transmitted. The X12 837P writer and the payer
 * simulator replace the document and the transport; the state change stays the same.
 */
export const submitStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const key = `submissions/${claim.providerId}/${claim.id}.json`
  await deps.documents.put(key, JSON.stringify({ format: 'claimpay-submission-v1', claim: toClaimContract(claim) }), 'application/json')
  return deps.store.commit(claim, [{ to: 'submitted', step: 'submit', detail: { format: 'claimpay-submission-v1', transmittedToPayer: false } }], {}, {}, at)
}
