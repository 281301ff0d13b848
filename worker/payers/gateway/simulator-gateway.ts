import { eq } from 'drizzle-orm'
import { hasPhi, openClaimPhi, type StoredClaim } from '../../claims'
import type { PatientInput } from '../../contracts'
import { openDb, schema } from '../../db'
import { loadKeyring } from '../../identity'
import type { PayerAnswer, PayerSubmission } from '../simulator/contracts'
import type { ProviderIdentity } from '../submission/claim-837'

/** What the submit step needs from the outside: who billed, who the patient is, and the payer's door. */
export type PayerGateway = {
  providerOf(providerId: string): Promise<ProviderIdentity>
  /** Opens the claim's sealed patient fields; null when the claim has none. */
  patientOf(claim: StoredClaim): Promise<PatientInput | null>
  send(submission: PayerSubmission): Promise<PayerAnswer>
}

/** The gateway to the simulated payers: one PayerSimulator per payer id. */
export function simulatorGateway(env: Env): PayerGateway {
  const db = openDb(env.DB)
  return {
    async providerOf(providerId) {
      const row = await db.query.providers.findFirst({ columns: { id: true, name: true, npi: true }, where: eq(schema.providers.id, providerId) })
      return row ?? { id: providerId, name: providerId, npi: null }
    },
    async patientOf(claim) {
      if (!hasPhi(claim)) return null
      return (await openClaimPhi(await loadKeyring(env), claim)).patient
    },
    send: (submission) => env.PAYER_SIMULATOR.get(env.PAYER_SIMULATOR.idFromName(submission.payerId)).submit(submission),
  }
}
