import { adjudicate } from '../../generator/engine/adjudicate'
import type { Denial } from '../../generator/engine/history-record'
import type { PayerProfile } from '../../generator/engine/payers'
import type { ClaimInput } from '../../contracts'
import type { X12Claim837, X12ClaimPayment, X12Envelope, X12Party, X12Remittance835 } from '../x12/model'

/** The claim as the engine's adjudication reads it: only codes, units and charges matter to it. */
function claimInputOf(claim: X12Claim837): ClaimInput {
  return {
    claimNumber: claim.claimId,
    payer: { id: claim.payer.id ?? '', name: claim.payer.lastOrOrganizationName },
    serviceDate: claim.lines[0]?.serviceDate ?? '',
    placeOfService: claim.placeOfService,
    diagnoses: claim.diagnoses.map((d) => d.code),
    lines: claim.lines.map((l) => ({ procedureCode: l.procedureCode, modifiers: l.modifiers, units: l.units, chargeCents: l.chargeCents, diagnosisPointers: l.diagnosisPointers })),
  }
}

/**
 * One claim's CLP loop: the engine's line adjustments become each SVC's CAS (so every service and the
 * claim balance by construction), the denial's RARCs go on the denied lines' LQ. CLP02 4 when every
 * line is denied, else 1 (processed as primary).
 */
export function claimPaymentFor(claim: X12Claim837, payer: PayerProfile, denial: Denial | null, payerClaimControlNumber: string): X12ClaimPayment {
  const result = adjudicate(claimInputOf(claim), payer, denial)
  const services = claim.lines.map((line, i) => {
    const adjustments = result.adjustments.filter((a) => a.line === i + 1).map((a) => ({ group: a.group, reason: a.reason, amountCents: a.amountCents }))
    const adjusted = adjustments.reduce((sum, a) => sum + a.amountCents, 0)
    const denied = denial?.lines.includes(i + 1) ?? false
    return {
      procedureCode: line.procedureCode,
      modifiers: line.modifiers,
      chargeCents: line.chargeCents,
      paidCents: line.chargeCents - adjusted,
      units: line.units,
      ...(line.serviceDate ? { serviceDate: line.serviceDate } : {}),
      adjustments,
      remarks: denied ? [...(denial?.rarc ?? [])] : [],
    }
  })
  return {
    claimId: claim.claimId,
    statusCode: result.status === 'denied' ? '4' : '1',
    chargeCents: result.billedCents,
    paidCents: result.paidCents,
    patientResponsibilityCents: result.patientResponsibilityCents,
    payerClaimControlNumber,
    adjustments: [],
    services,
  }
}

export type RemittanceHeader = { envelope: X12Envelope; payer: X12Party; payee: X12Party; paymentDate: string; traceNumber: string }

/** The 835 for claims adjudicated together: BPR02 is what the claims pay (no provider-level adjustments). */
export function remittanceOf(header: RemittanceHeader, claims: X12ClaimPayment[]): X12Remittance835 {
  const paymentCents = claims.reduce((sum, c) => sum + c.paidCents, 0)
  return {
    envelope: header.envelope,
    paymentCents,
    paymentMethod: paymentCents > 0 ? 'ACH' : 'NON',
    paymentDate: header.paymentDate,
    traceNumber: header.traceNumber,
    payer: header.payer,
    payee: header.payee,
    claims,
    providerAdjustments: [],
  }
}
