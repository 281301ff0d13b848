// HistoryRecord -> one FHIR R4 collection of its Claim and its ExplanationOfBenefit.
import type { HistoryRecord, Provider } from '../engine'
import { writeExplanationOfBenefit, writeFhirClaimBundle } from '../../payers/fhir'
import type { AdjudicationResult, R4Bundle } from '../../payers/fhir'

export class FhirExportError extends Error {
  override name = 'FhirExportError'
}

export type FhirEntry = R4Bundle['entry'][number]

/** The engine's outcome as the FHIR writers take it: the same three outcomes, adjustments without lines. */
export function toAdjudicationResult(record: HistoryRecord): AdjudicationResult {
  const { outcome } = record
  return { outcome: outcome.status, paidCents: outcome.paidCents, adjustments: outcome.adjustments.map((a) => ({ group: a.group, reason: a.reason, amountCents: a.amountCents })) }
}

/** The Claim and EOB entries of a record; throws FhirExportError when a writer refuses it. */
export function toFhirEntries(record: HistoryRecord, provider: Provider): FhirEntry[] {
  const { claim, outcome } = record
  const context = { claimId: claim.claimNumber, provider: { npi: provider.organizationNpi, name: provider.name }, patientReference: `Patient/${record.patient.id.replace(/_/g, '-')}`, created: outcome.submittedOn }
  const written = writeFhirClaimBundle(claim, context)
  if (!written.ok) throw new FhirExportError(`claim ${claim.claimNumber}: ${written.errors.join('; ')}`)
  const eob = writeExplanationOfBenefit(
    claim,
    { ...context, created: outcome.adjudicatedOn, claimResponseId: `${claim.claimNumber}-cr`, eobId: `${claim.claimNumber}-eob` },
    toAdjudicationResult(record),
  )
  return [...written.bundle.entry, { resource: eob }]
}

export function toFhirBundle(records: readonly HistoryRecord[], provider: Provider): R4Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: records.flatMap((r) => toFhirEntries(r, provider)) }
}
