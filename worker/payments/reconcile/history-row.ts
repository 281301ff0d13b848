import type { ClaimOutcome } from './claim-outcome'

/** The claim facts the risk engine learns from (codes, place, age band, sex, keyed patient): no PHI. */
export type ClaimFacts = {
  id: string
  providerId: string
  claimNumber: string
  payerId: string
  serviceDate: string
  placeOfService: string
  billedCents: number
  diagnoses: string[]
  lines: { procedureCode: string; modifiers: string[]; units: number }[]
  patientAge: number | null
  patientSex: 'F' | 'M' | 'U' | null
  memberIdIndex: string | null
}

/** ClaimPay's own claims in claim_history, apart from generated scenarios. */
export const CLAIMPAY_SCENARIO = 'claimpay'

/**
 * claim_history is keyed by (provider, scenario, seed, sequence), made for generated streams: a real
 * claim takes seed 0 and a 52-bit number from its id (two independent 26-bit FNV-1a hashes), unique in
 * practice among one provider's claims and the same on every retry.
 */
export function historySequenceOf(claimId: string): number {
  const fnv = (seed: number) => {
    let hash = seed
    for (let i = 0; i < claimId.length; i++) {
      hash ^= claimId.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    return hash & 0x3ff_ffff
  }
  return fnv(0x811c9dc5) * 0x400_0000 + fnv(0x050c5d1f)
}

export function remittedHistoryRowOf(claim: ClaimFacts, outcome: ClaimOutcome, paidCents: number, submittedDate: string, adjudicatedDate: string) {
  return {
    providerId: claim.providerId,
    scenario: CLAIMPAY_SCENARIO,
    seed: 0,
    sequence: historySequenceOf(claim.id),
    pattern: null,
    claimNumber: claim.claimNumber,
    payerId: claim.payerId,
    serviceDate: claim.serviceDate,
    submittedDate,
    adjudicatedDate,
    billedCents: claim.billedCents,
    paidCents,
    outcome: outcome.outcome,
    carc: outcome.carc,
    rarcCodes: outcome.remarkCodes,
    cptCodes: claim.lines.map((l) => l.procedureCode),
    icdCodes: [...claim.diagnoses],
    lineModifiers: claim.lines.map((l) => [...l.modifiers]),
    lineUnits: claim.lines.map((l) => l.units),
    placeOfService: claim.placeOfService,
    patientAge: claim.patientAge,
    patientSex: claim.patientSex,
    patientKey: claim.memberIdIndex,
  }
}
export type HistoryRow = ReturnType<typeof remittedHistoryRowOf>
