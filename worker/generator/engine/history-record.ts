import type { ClaimInput } from '../../contracts'
import type { Appeal } from './appeals'
import type { AdjustmentGroup, DenialPattern } from './denials'
import type { ClinicalNote } from './notes'
import type { Specialty } from './specialties'

/** An adjustment as an 835 CAS reports it; `line` is null for the claim as a whole. */
export type Adjustment = { line: number | null; group: AdjustmentGroup; reason: string; amountCents: number }

export type Denial = {
  pattern: DenialPattern
  carc: string
  rarc: string[]
  /** Lines the denial covers (every line for a claim-level denial). */
  lines: number[]
  /** Why the mechanism fired, e.g. the NCCI pair or the filing delay against the payer's limit. */
  detail: string
}

/** A payer's decision in money: what an 835 carries for the claim. */
export type AdjudicatedAmounts = {
  status: 'paid' | 'partial' | 'denied'
  billedCents: number
  allowedCents: number
  paidCents: number
  patientResponsibilityCents: number
  adjustments: Adjustment[]
}

export type Outcome = AdjudicatedAmounts & {
  denial: Denial | null
  submittedOn: string
  filingDelayDays: number
  adjudicatedOn: string
  daysToPayment: number
  appeal: Appeal | null
}

/** One adjudicated claim of a provider's history, traceable to the scenario, seed and pattern that made it. */
export type HistoryRecord = {
  trace: { scenario: string; seed: number; pattern: DenialPattern | null; sequence: number }
  providerId: string
  renderingNpi: string
  patient: { id: string; memberId: string; age: number; sex: 'F' | 'M' }
  specialty: Specialty
  encounter: string
  arrivedAt: string
  claim: ClaimInput
  note: ClinicalNote
  outcome: Outcome
}
