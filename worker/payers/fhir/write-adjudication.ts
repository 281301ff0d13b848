import type { ClaimInput } from '../../contracts'
import { ADJUSTMENT_GROUP_SYSTEM, CARC_SYSTEM, type AdjudicationResult, type ClaimAdjustment, type ClaimRejection } from './adjudication-result'
import { ADJUDICATION, CLAIM_TYPE, CLAIMPAY_REJECTION, PAYMENT_TYPE, procedureSystem, toFhirId } from './code-systems'
import { centsToFhirAmount } from './fhir-money'
import type { R4ClaimResponse, R4ExplanationOfBenefit } from './r4-schemas'
import { payerReference, providerReference, type FhirClaimContext } from './write-claim-bundle'

/**
 * The claim an adjudication answers, and the FHIR ids of the resources written for it. Our ids are
 * turned into FHIR ids the way writeFhirClaim does (`clm_1` -> `clm-1`), so `Claim/...` resolves.
 */
export type FhirAdjudicationContext = FhirClaimContext & { claimResponseId: string; eobId: string }

// An id that cannot be a FHIR id stays as it is and fails the R4 schema, which tests run every output through.
const asFhirId = (id: string) => toFhirId(id) ?? id
const claimRef = (context: FhirClaimContext) => ({ reference: `Claim/${asFhirId(context.claimId)}` })

const usd = (cents: number) => ({ value: centsToFhirAmount(cents), currency: 'USD' as const })
const category = (code: string) => ({ coding: [{ system: ADJUDICATION, code }] })
const professional = { coding: [{ system: CLAIM_TYPE, code: 'professional' }] }

/**
 * Splits `total` across lines in proportion to their charges, in whole cents that add up exactly
 * (largest remainder: the leftover cents go to the lines that lost the most to rounding down).
 */
export function allocateCents(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0))
  const exact = weights.map((w) => (total * w) / sum)
  const floors = exact.map(Math.floor)
  let left = total - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i] = (floors[i] ?? 0) + 1
    left--
  }
  return floors
}

function adjustmentAdjudication(adjustment: ClaimAdjustment) {
  return {
    category: { coding: [{ system: ADJUSTMENT_GROUP_SYSTEM, code: adjustment.group }] },
    reason: { coding: [{ system: CARC_SYSTEM, code: adjustment.reason }] },
    amount: usd(adjustment.amountCents),
  }
}

function lineAdjudication(claim: ClaimInput, paidCents: number) {
  const paidByLine = allocateCents(
    paidCents,
    claim.lines.map((l) => l.chargeCents),
  )
  return claim.lines.map((line, i) => ({
    sequence: i + 1,
    line,
    adjudication: [
      { category: category('submitted'), amount: usd(line.chargeCents) },
      { category: category('benefit'), amount: usd(paidByLine[i] ?? 0) },
    ],
  }))
}

function billedCents(claim: ClaimInput): number {
  return claim.lines.reduce((sum, line) => sum + line.chargeCents, 0)
}

const dispositions: Record<AdjudicationResult['outcome'], string> = {
  paid: 'Claim paid in full.',
  partial: 'Claim paid in part.',
  denied: 'Claim denied.',
}

/**
 * The payer's answer to a Claim: `complete` with line and claim adjudication for a claim it
 * adjudicated (paid, partial or denied), `error` with the reasons for one it rejected up front.
 */
export function writeClaimResponse(claim: ClaimInput, context: FhirAdjudicationContext, result: AdjudicationResult | ClaimRejection): R4ClaimResponse {
  const base = {
    resourceType: 'ClaimResponse' as const,
    id: asFhirId(context.claimResponseId),
    status: 'active' as const,
    type: professional,
    use: 'claim' as const,
    patient: { reference: context.patientReference },
    created: context.created,
    insurer: payerReference(claim.payer),
    requestor: providerReference(context.provider),
    request: claimRef(context),
  }
  if (result.outcome === 'rejected') {
    return {
      ...base,
      outcome: 'error',
      disposition: 'Claim rejected.',
      error: result.reasons.map((r) => ({ code: { coding: [{ system: CLAIMPAY_REJECTION, code: r.code }] } })),
      processNote: result.reasons.map((r, i) => ({ number: i + 1, type: 'display' as const, text: r.message })),
    }
  }
  return {
    ...base,
    outcome: 'complete',
    disposition: dispositions[result.outcome],
    item: lineAdjudication(claim, result.paidCents).map(({ sequence, adjudication }) => ({ itemSequence: sequence, adjudication })),
    ...(result.adjustments.length > 0 ? { adjudication: result.adjustments.map(adjustmentAdjudication) } : {}),
    total: [
      { category: category('submitted'), amount: usd(billedCents(claim)) },
      { category: category('benefit'), amount: usd(result.paidCents) },
    ],
    payment: { type: { coding: [{ system: PAYMENT_TYPE, code: 'complete' }] }, amount: usd(result.paidCents) },
  }
}

/** The ExplanationOfBenefit for an adjudicated claim: what was billed, paid, and adjusted and why (CARC). */
export function writeExplanationOfBenefit(claim: ClaimInput, context: FhirAdjudicationContext, result: AdjudicationResult): R4ExplanationOfBenefit {
  return {
    resourceType: 'ExplanationOfBenefit',
    id: asFhirId(context.eobId),
    status: 'active',
    type: professional,
    use: 'claim',
    patient: { reference: context.patientReference },
    created: context.created,
    insurer: payerReference(claim.payer),
    provider: providerReference(context.provider),
    claim: claimRef(context),
    claimResponse: { reference: `ClaimResponse/${asFhirId(context.claimResponseId)}` },
    outcome: 'complete',
    insurance: [{ focal: true, coverage: { display: claim.payer.name } }],
    item: lineAdjudication(claim, result.paidCents).map(({ sequence, line, adjudication }) => ({
      sequence,
      productOrService: { coding: [{ system: procedureSystem(line.procedureCode), code: line.procedureCode }] },
      servicedDate: claim.serviceDate,
      adjudication,
    })),
    ...(result.adjustments.length > 0 ? { adjudication: result.adjustments.map(adjustmentAdjudication) } : {}),
    total: [
      { category: category('submitted'), amount: usd(billedCents(claim)) },
      { category: category('benefit'), amount: usd(result.paidCents) },
    ],
    payment: { amount: usd(result.paidCents) },
    ...(result.outcome === 'denied' ? { processNote: [{ number: 1, type: 'display' as const, text: dispositions.denied }] } : {}),
  }
}
