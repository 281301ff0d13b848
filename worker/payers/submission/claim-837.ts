import type { ClaimInput, PatientInput } from '../../contracts'
import type { X12Address, X12Party } from '../x12/model'
import { npiFrom, isValidNpi } from '../x12/npi'
import { x12ClaimBodyFrom } from '../x12/claim-from-input'
import { write837P } from '../x12/write-837p'
import type { X12WriteResult } from '../x12/x12-writer'
import { normalizeText } from '../x12/x12-format'
import { controlNumberFor } from './control-number'

/** ClaimPay as the submitter (1000A): it files claims on behalf of the providers it has paid. */
export const CLAIMPAY_SUBMITTER_ID = 'CLAIMPAY'
const CLAIMPAY_CONTACT = { name: 'CLAIMPAY CLAIMS', email: 'claims@claimpay.example' }

/**
 * Providers' addresses and tax ids are not held in D1 yet (onboarding records the bank account only):
 * until they are, the billing provider carries ClaimPay's billing-service address and tax id, which
 * the payer answers to, and its own name and NPI.
 */
const BILLING_SERVICE_ADDRESS: X12Address = { line1: '100 MAIN ST', city: 'AUSTIN', state: 'TX', postalCode: '787010000' }
const BILLING_SERVICE_TAX_ID = '000000000'

export type ProviderIdentity = { id: string; name: string; npi: string | null }

export type Claim837Input = {
  claimId: string
  claim: ClaimInput
  patient: PatientInput | null
  provider: ProviderIdentity
  /** When the file is written (ISO); also BHT04. */
  at: string
}

/** A provider without an NPI on file gets a stable, check-digit-valid one from its id, marked as such in the report. */
export function providerNpi(provider: ProviderIdentity): string {
  if (provider.npi && isValidNpi(provider.npi)) return provider.npi
  const nine = controlNumberFor(`npi:${provider.id}`).replace(/^0/, '1')
  return npiFrom(nine)!
}

/**
 * The 837P ClaimPay sends for one paid claim. CLM01 is ClaimPay's claim id (unique across providers,
 * unlike the provider's own claim number) so that the 835's CLP01 leads straight back to the claim.
 */
export function claim837For(input: Claim837Input): X12WriteResult {
  const body = x12ClaimBodyFrom(input.claim)
  const control = controlNumberFor(input.claimId)
  const patient = input.patient
  const subscriber: X12Party & { birthDate?: string; sex?: 'M' | 'F' | 'U' } = patient
    ? {
        entityType: '1',
        lastOrOrganizationName: normalizeText(patient.lastName),
        firstName: normalizeText(patient.firstName),
        idQualifier: 'MI',
        id: patient.memberId,
        birthDate: patient.dateOfBirth,
        sex: patient.sex ?? 'U',
        ...(patient.address ? { address: { line1: patient.address.line1, ...(patient.address.line2 ? { line2: patient.address.line2 } : {}), city: patient.address.city, state: patient.address.state, postalCode: patient.address.postalCode } } : {}),
      }
    : { entityType: '1', lastOrOrganizationName: 'UNKNOWN' }
  const envelope = {
    senderId: CLAIMPAY_SUBMITTER_ID,
    receiverId: input.claim.payer.id,
    interchangeControlNumber: control,
    groupControlNumber: control,
    transactionControlNumber: control,
    implementationGuide: '005010X222A1',
    createdAt: input.at,
    usage: 'T' as const,
  }
  const submitter: X12Party = { entityType: '2', lastOrOrganizationName: 'CLAIMPAY', idQualifier: '46', id: CLAIMPAY_SUBMITTER_ID }
  const receiver: X12Party = { entityType: '2', lastOrOrganizationName: body.payer.lastOrOrganizationName, idQualifier: '46', id: input.claim.payer.id }
  return write837P(
    [
      {
        kind: '837P',
        envelope,
        submitter,
        receiver,
        billingProvider: { entityType: '2', lastOrOrganizationName: normalizeText(input.provider.name), idQualifier: 'XX', id: providerNpi(input.provider), address: BILLING_SERVICE_ADDRESS, taxId: BILLING_SERVICE_TAX_ID },
        subscriber,
        ...body,
        claimId: input.claimId,
      },
    ],
    {
      envelope,
      submitter,
      submitterContact: CLAIMPAY_CONTACT,
      receiver,
      batchReference: input.claimId,
    },
  )
}
