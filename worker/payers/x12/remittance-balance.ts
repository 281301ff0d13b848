// The 835's balancing rules (005010X221A1 section 1.10.2): a remittance that does not add up is
// refused rather than written, because a payee would post it to the wrong amounts.
import type { X12Adjustment, X12Remittance835 } from './model'

export type RemittanceBalance =
  | { ok: true }
  | {
      ok: false
      reason: 'unbalanced-remittance' | 'unbalanced-claim' | 'unbalanced-service' | 'invalid-amount'
      claimId?: string
      /** What the rule says the amount should be, and what it is. */
      expectedCents: number
      actualCents: number
      message: string
    }

const sumAdjustments = (adjustments: readonly X12Adjustment[]) => adjustments.reduce((sum, a) => sum + a.amountCents, 0)

function amounts(r: X12Remittance835): number[] {
  return [
    r.paymentCents,
    ...r.providerAdjustments.map((p) => p.amountCents),
    ...r.claims.flatMap((c) => [
      c.chargeCents,
      c.paidCents,
      c.patientResponsibilityCents,
      ...c.adjustments.map((a) => a.amountCents),
      ...c.services.flatMap((s) => [s.chargeCents, s.paidCents, ...s.adjustments.map((a) => a.amountCents)]),
    ]),
  ]
}

/** BPR02 as the claims and provider adjustments say it must be: sum(CLP04) - sum(PLB). */
export function expectedPaymentCents(r: Pick<X12Remittance835, 'claims' | 'providerAdjustments'>): number {
  return r.claims.reduce((sum, c) => sum + c.paidCents, 0) - r.providerAdjustments.reduce((sum, p) => sum + p.amountCents, 0)
}

/**
 * Checks, in cents: each SVC02 - its CAS = SVC03; each CLP03 - the claim's and its services' CAS =
 * CLP04; BPR02 = sum(CLP04) - sum(PLB), a positive PLB amount being money the payer keeps back.
 */
export function remittanceBalances(r: X12Remittance835): RemittanceBalance {
  if (!amounts(r).every(Number.isSafeInteger)) {
    return { ok: false, reason: 'invalid-amount', expectedCents: 0, actualCents: 0, message: 'every amount must be a whole number of cents' }
  }
  for (const claim of r.claims) {
    for (const service of claim.services) {
      const expected = service.chargeCents - sumAdjustments(service.adjustments)
      if (expected !== service.paidCents) {
        return { ok: false, reason: 'unbalanced-service', claimId: claim.claimId, expectedCents: expected, actualCents: service.paidCents, message: `claim ${claim.claimId}: a service's charge less its adjustments is not its payment` }
      }
    }
    const adjusted = sumAdjustments(claim.adjustments) + claim.services.reduce((sum, s) => sum + sumAdjustments(s.adjustments), 0)
    const expected = claim.chargeCents - adjusted
    if (expected !== claim.paidCents) {
      return { ok: false, reason: 'unbalanced-claim', claimId: claim.claimId, expectedCents: expected, actualCents: claim.paidCents, message: `claim ${claim.claimId}: CLP03 less its adjustments is not CLP04` }
    }
  }
  const expected = expectedPaymentCents(r)
  if (expected !== r.paymentCents) {
    return { ok: false, reason: 'unbalanced-remittance', expectedCents: expected, actualCents: r.paymentCents, message: 'BPR02 is not the claims paid less the provider adjustments' }
  }
  return { ok: true }
}
