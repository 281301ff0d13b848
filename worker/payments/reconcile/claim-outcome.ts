import type { X12ClaimPayment, X12ServicePayment } from '../../payers/x12/model'

/** Reductions that leave a service paid: the fee schedule (CO-45) and the patient's share (PR). */
const isReduction = (a: { group: string; reason: string }) => a.group === 'PR' || (a.group === 'CO' && a.reason === '45')

/** A service the payer refused: nothing paid and nothing left to the patient, under a reason other than a reduction. */
export function isDeniedService(s: X12ServicePayment): boolean {
  const patientShare = s.adjustments.filter((a) => a.group === 'PR').reduce((sum, a) => sum + a.amountCents, 0)
  return s.paidCents === 0 && patientShare === 0 && s.adjustments.some((a) => !isReduction(a))
}

export type ClaimOutcome = {
  outcome: 'paid' | 'partial' | 'denied'
  /** The first denial reason (CARC), when any service or the claim was denied. */
  carc: string | null
  remarkCodes: string[]
  adjustments: { line: number | null; group: string; reason: string; amountCents: number }[]
}

/** What the payer decided, from the CLP loop: CLP02 4 or every service denied is a denial. */
export function claimOutcomeOf(payment: X12ClaimPayment): ClaimOutcome {
  const denied = payment.services.filter(isDeniedService)
  const everyLine = payment.services.length > 0 && denied.length === payment.services.length
  const outcome = payment.statusCode === '4' || everyLine ? 'denied' : denied.length > 0 ? 'partial' : 'paid'
  const denial = [...payment.adjustments, ...denied.flatMap((s) => s.adjustments)].find((a) => !isReduction(a))
  return {
    outcome,
    carc: outcome === 'paid' ? null : (denial?.reason ?? null),
    remarkCodes: [...new Set(payment.services.flatMap((s) => s.remarks))],
    adjustments: [
      ...payment.adjustments.map((a) => ({ line: null, group: a.group, reason: a.reason, amountCents: a.amountCents })),
      ...payment.services.flatMap((s, i) => s.adjustments.map((a) => ({ line: i + 1, group: a.group, reason: a.reason, amountCents: a.amountCents }))),
    ],
  }
}
