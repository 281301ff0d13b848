import type { ClaimInput } from '../../contracts'
import { isValidNpi } from '../x12/npi'
import { CLAIM_TYPE, CLAIMPAY_CLAIM, CLAIMPAY_CLAIM_NUMBER, CLAIMPAY_PAYER, dottedIcd10, ICD10CM, NPI, PLACE_OF_SERVICE, PROCESS_PRIORITY, procedureSystem, toFhirId } from './code-systems'
import { centsToFhirAmount } from './fhir-money'
import type { R4Bundle, R4Claim } from './r4-schemas'

/** Who and when, beside the claim itself. No PHI: the patient is a reference string only. */
export type FhirClaimContext = {
  claimId: string
  provider: { npi: string; name: string }
  /** e.g. `Patient/123` or a `urn:uuid:`: resolved by whoever holds the patient's record. */
  patientReference: string
  /** YYYY-MM-DD; passed in because these modules read no clock. */
  created: string
}

export type WriteClaimResult = { ok: true; claim: R4Claim } | { ok: false; errors: string[] }
export type WriteClaimBundleResult = { ok: true; bundle: R4Bundle } | { ok: false; errors: string[] }

const usd = (cents: number) => ({ value: centsToFhirAmount(cents), currency: 'USD' as const })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The payer of a claim as a FHIR reference: by our payer id, named for people reading it. */
export function payerReference(payer: ClaimInput['payer']) {
  return { identifier: { system: CLAIMPAY_PAYER, value: payer.id }, display: payer.name }
}

export function providerReference(provider: FhirClaimContext['provider']) {
  return { identifier: { system: NPI, value: provider.npi }, display: provider.name }
}

/** A professional FHIR R4 Claim (the 837P's counterpart) for a claim as providers submit it. */
export function writeFhirClaim(claim: ClaimInput, context: FhirClaimContext): WriteClaimResult {
  const errors: string[] = []
  const id = toFhirId(context.claimId)
  if (id === null) errors.push(`claim id '${context.claimId}' cannot be a FHIR id`)
  if (!isValidNpi(context.provider.npi)) errors.push(`provider NPI '${context.provider.npi}' fails the NPI check digit`)
  claim.lines.forEach((line, i) => {
    for (const pointer of line.diagnosisPointers) {
      if (pointer > claim.diagnoses.length) errors.push(`line ${i + 1} points at diagnosis ${pointer}, but the claim has ${claim.diagnoses.length}`)
    }
  })
  if (errors.length > 0 || id === null) return { ok: false, errors }

  const placeOfService = { coding: [{ system: PLACE_OF_SERVICE, code: claim.placeOfService }] }
  const totalCents = claim.lines.reduce((sum, line) => sum + line.chargeCents, 0)
  return {
    ok: true,
    claim: {
      resourceType: 'Claim',
      id,
      identifier: [
        { system: CLAIMPAY_CLAIM, value: context.claimId },
        { system: CLAIMPAY_CLAIM_NUMBER, value: claim.claimNumber },
      ],
      status: 'active',
      type: { coding: [{ system: CLAIM_TYPE, code: 'professional' }] },
      use: 'claim',
      patient: { reference: context.patientReference },
      billablePeriod: { start: claim.serviceDate, end: claim.serviceDate },
      created: context.created,
      provider: providerReference(context.provider),
      insurer: payerReference(claim.payer),
      priority: { coding: [{ system: PROCESS_PRIORITY, code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { display: claim.payer.name } }],
      diagnosis: claim.diagnoses.map((code, i) => ({
        sequence: i + 1,
        diagnosisCodeableConcept: { coding: [{ system: ICD10CM, code: dottedIcd10(code) }] },
      })),
      item: claim.lines.map((line, i) => ({
        sequence: i + 1,
        diagnosisSequence: line.diagnosisPointers,
        productOrService: { coding: [{ system: procedureSystem(line.procedureCode), code: line.procedureCode }] },
        ...(line.modifiers.length > 0
          ? { modifier: line.modifiers.map((m) => ({ coding: [{ system: procedureSystem(line.procedureCode), code: m }] })) }
          : {}),
        servicedDate: claim.serviceDate,
        locationCodeableConcept: placeOfService,
        quantity: { value: line.units },
        // net = quantity x unitPrice; a charge that does not split into whole cents per unit is sent as net only.
        ...(line.chargeCents % line.units === 0 ? { unitPrice: usd(line.chargeCents / line.units) } : {}),
        net: usd(line.chargeCents),
      })),
      total: usd(totalCents),
    },
  }
}

/** The Claim in a `collection` Bundle, the shape a FHIR payer endpoint or a file drop takes. */
export function writeFhirClaimBundle(claim: ClaimInput, context: FhirClaimContext): WriteClaimBundleResult {
  const written = writeFhirClaim(claim, context)
  if (!written.ok) return written
  return {
    ok: true,
    bundle: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ ...(UUID.test(context.claimId) ? { fullUrl: `urn:uuid:${context.claimId.toLowerCase()}` } : {}), resource: written.claim }],
    },
  }
}
