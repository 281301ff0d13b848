import type { X12ClaimPayment, X12Remittance835 } from '../../payers/x12/model'
import { claimOutcomeOf, type ClaimOutcome } from './claim-outcome'

/** What posting needs to know of a claim ClaimPay holds (read by the adapter; no patient data). */
export type ClaimOnFile = {
  id: string
  providerId: string
  payerId: string
  status: string
  billedCents: number
  /** The trace number of the 835 that already posted this claim, if one did. */
  postedByTrace: string | null
}

export type ReconciliationKind = 'unknown-claim' | 'already-posted' | 'payer-mismatch' | 'charge-mismatch' | 'amounts-do-not-add-up' | 'unsupported-status'

export type ReconciliationItem = { kind: ReconciliationKind; claimRef: string; providerId: string | null; detail: Record<string, unknown> }

export type ClaimPosting = { claim: ClaimOnFile; payment: X12ClaimPayment; outcome: ClaimOutcome }

export type PostingPlan = {
  postings: ClaimPosting[]
  items: ReconciliationItem[]
  /** Claims this same 835 already posted (a redelivery after a crash): nothing to do for them. */
  alreadyDone: string[]
}

/** CLP02 codes posting understands; reversals (22) and the rest go to an admin. */
const PROCESSED = new Set(['1', '2', '3', '4', '19', '20', '21'])

/**
 * Which claims of an 835 can be posted, and why the others cannot. A claim posts when CLP01 names a
 * claim of ours, from this payer, waiting for its answer (submitted), billed at CLP03, and the 835's
 * own figures add up (CLP03 = CLP04 + every adjustment, PR included). Anything else is a
 * reconciliation item: money that arrives must never be guessed onto a claim.
 */
export function planPosting(remittance: X12Remittance835, claims: ReadonlyMap<string, ClaimOnFile>, traceNumber: string): PostingPlan {
  const plan: PostingPlan = { postings: [], items: [], alreadyDone: [] }
  const payerId = remittance.payer.id ?? remittance.envelope.senderId
  const item = (kind: ReconciliationKind, payment: X12ClaimPayment, claim: ClaimOnFile | undefined, detail: Record<string, unknown> = {}) =>
    plan.items.push({ kind, claimRef: payment.claimId, providerId: claim?.providerId ?? null, detail: { chargeCents: payment.chargeCents, paidCents: payment.paidCents, ...detail } })
  const seen = new Set<string>()
  for (const payment of remittance.claims) {
    const claim = claims.get(payment.claimId)
    if (!claim) {
      item('unknown-claim', payment, undefined)
      continue
    }
    if (claim.postedByTrace === traceNumber) {
      plan.alreadyDone.push(claim.id)
      continue
    }
    if (seen.has(claim.id) || claim.postedByTrace !== null || claim.status !== 'submitted') {
      item('already-posted', payment, claim, { status: claim.status, postedByTrace: claim.postedByTrace })
      continue
    }
    seen.add(claim.id)
    if (claim.payerId !== payerId) {
      item('payer-mismatch', payment, claim, { claimPayerId: claim.payerId, remittancePayerId: payerId })
      continue
    }
    if (!PROCESSED.has(payment.statusCode)) {
      item('unsupported-status', payment, claim, { statusCode: payment.statusCode })
      continue
    }
    if (payment.chargeCents !== claim.billedCents) {
      item('charge-mismatch', payment, claim, { billedCents: claim.billedCents })
      continue
    }
    const outcome = claimOutcomeOf(payment)
    const adjusted = outcome.adjustments.reduce((sum, a) => sum + a.amountCents, 0)
    const patient = outcome.adjustments.filter((a) => a.group === 'PR').reduce((sum, a) => sum + a.amountCents, 0)
    if (payment.paidCents + adjusted !== payment.chargeCents || patient !== payment.patientResponsibilityCents) {
      item('amounts-do-not-add-up', payment, claim, { adjustedCents: adjusted, patientResponsibilityCents: payment.patientResponsibilityCents })
      continue
    }
    plan.postings.push({ claim, payment, outcome })
  }
  return plan
}
