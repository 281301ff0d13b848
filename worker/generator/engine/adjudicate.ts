import type { ClaimInput } from '../../contracts'
import type { AdjudicatedAmounts, Adjustment, Denial } from './history-record'
import { allowedBpsFor, type PayerProfile } from './payers'

export type Adjudication = AdjudicatedAmounts & {
  /** What the denied lines would have paid: recovered if an appeal wins. */
  deniedPayableCents: number
}

/**
 * The payer's answer, line by line as on an 835: denied lines adjusted in full under the denial's CARC,
 * paid lines reduced to the fee schedule (CO-45) and the patient's share (PR-3 copay on the visit,
 * PR-2 coinsurance). Billed = allowed + CO/OA adjustments; allowed = paid + PR.
 */
export function adjudicate(claim: ClaimInput, payer: PayerProfile, denial: Denial | null): Adjudication {
  const adjustments: Adjustment[] = []
  let billed = 0
  let allowed = 0
  let paid = 0
  let patient = 0
  let deniedPayable = 0
  let deniedLines = 0
  const group = denial?.pattern === 'duplicate' ? 'OA' : 'CO'
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i]!
    const number = i + 1
    billed += line.chargeCents
    const lineAllowed = Math.floor((line.chargeCents * allowedBpsFor(payer, line.procedureCode)) / 10_000)
    const copay = number === 1 ? Math.min(payer.copayCents, lineAllowed) : 0
    const coinsurance = Math.floor(((lineAllowed - copay) * payer.coinsuranceBps) / 10_000)
    if (denial !== null && denial.lines.includes(number)) {
      deniedLines++
      deniedPayable += lineAllowed - copay - coinsurance
      adjustments.push({ line: number, group, reason: denial.carc, amountCents: line.chargeCents })
      continue
    }
    allowed += lineAllowed
    patient += copay + coinsurance
    paid += lineAllowed - copay - coinsurance
    if (line.chargeCents > lineAllowed) adjustments.push({ line: number, group: 'CO', reason: '45', amountCents: line.chargeCents - lineAllowed })
    if (copay > 0) adjustments.push({ line: number, group: 'PR', reason: '3', amountCents: copay })
    if (coinsurance > 0) adjustments.push({ line: number, group: 'PR', reason: '2', amountCents: coinsurance })
  }
  const status = deniedLines === 0 ? 'paid' : deniedLines === claim.lines.length ? 'denied' : 'partial'
  return { status, billedCents: billed, allowedCents: allowed, paidCents: paid, patientResponsibilityCents: patient, adjustments, deniedPayableCents: deniedPayable }
}
