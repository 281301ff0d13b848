import { toClaimContract, toClaimInput } from '../claims'
import type { PayerGateway } from '../payers/gateway'
import { claim837For } from '../payers/submission'
import type { StepHandler } from './run-step'

/** Where a claim's 837 is kept (sealed: it names the patient). */
export const submissionKey = (providerId: string, claimId: string) => `submissions/${providerId}/${claimId}.837`

/**
 * paid -> submitted, through a payer: the claim is written as an X12 837P (CLM01 = ClaimPay's claim
 * id, so the 835 leads back to it), sealed in R2 before it is sent, then handed to the payer, who
 * accepts it for adjudication or rejects it with a 277CA. Either way ClaimPay has filed the claim it
 * paid for, and the claim moves on; what the payer said goes on the event. The file is the same on
 * every delivery (control numbers come from the claim id), and the payer takes a claim once.
 */
export function submitStepVia(gateway: PayerGateway): StepHandler {
  return async (deps, claim) => {
    const at = deps.now().toISOString()
    const [provider, patient] = await Promise.all([gateway.providerOf(claim.providerId), gateway.patientOf(claim)])
    const file = claim837For({ claimId: claim.id, claim: toClaimInput(claim), patient, provider, at })
    if (!file.ok) {
      // A claim without the patient's member id cannot be filed electronically: its submission document
      // is kept for an admin to file and the claim recorded as not transmitted, rather than held back.
      console.warn(JSON.stringify({ level: 'warn', at: 'submit', claimId: claim.id, reason: file.reason, segment: file.segmentId }))
      return submitStep(deps, claim)
    }
    const fileKey = submissionKey(claim.providerId, claim.id)
    await deps.documents.put(fileKey, file.text, 'application/edi-x12')
    const answer = await gateway.send({ payerId: claim.payerId, claimId: claim.id, fileKey })
    if (!answer.ok && answer.reason === 'file-missing') throw new Error(`claim ${claim.id}: the payer could not read the stored 837`)
    const detail = answer.ok
      ? { format: 'x12-837p', transmittedToPayer: true, accepted: true, fileKey, expectedBy: answer.dueAt }
      : { format: 'x12-837p', transmittedToPayer: true, accepted: false, fileKey, reason: answer.reason }
    // The patient's sealed fields were opened to write the file: that read is audited with the move.
    const audit = { actor: 'pipeline', action: 'claim.submitted', detail: { phiRead: patient !== null, fileKey, accepted: answer.ok } }
    return deps.store.commit(claim, [{ to: 'submitted', step: 'submit', detail }], {}, { audit }, at)
  }
}

/**
 * The submission document alone (the claim as JSON in R2, no patient data), recorded as not
 * transmitted: for a claim that cannot be written as an 837, or a run without a payer connection.
 */
export const submitStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const key = `submissions/${claim.providerId}/${claim.id}.json`
  await deps.documents.put(key, JSON.stringify({ format: 'claimpay-submission-v1', claim: toClaimContract(claim) }), 'application/json')
  return deps.store.commit(claim, [{ to: 'submitted', step: 'submit', detail: { format: 'claimpay-submission-v1', transmittedToPayer: false } }], {}, {}, at)
}
