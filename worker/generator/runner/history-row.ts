import { OLDEST_REPORTED_AGE } from '../../claims/patient-age'
import type { GeneratedClaim } from './stream'

/** One row of claim_history: the outcome and codes of an adjudicated claim, and no patient data. */
export type HistoryRow = {
  providerId: string
  scenario: string
  seed: number
  sequence: number
  pattern: string | null
  claimNumber: string
  payerId: string
  serviceDate: string
  submittedDate: string
  adjudicatedDate: string
  billedCents: number
  paidCents: number
  outcome: 'paid' | 'partial' | 'denied'
  carc: string | null
  rarcCodes: string[]
  cptCodes: string[]
  icdCodes: string[]
  lineModifiers: string[][]
  lineUnits: number[]
  placeOfService: string
  patientAge: number
  patientSex: 'F' | 'M'
  patientKey: string | null
}

/** `patientKey` is the caller's keyed blind index of the member id (null when it has no keyring). */
export function historyRowOf({ record }: Pick<GeneratedClaim, 'record'>, patientKey: string | null = null): HistoryRow {
  const { outcome, claim, trace } = record
  return {
    providerId: record.providerId,
    scenario: trace.scenario,
    seed: trace.seed,
    sequence: trace.sequence,
    pattern: trace.pattern,
    claimNumber: claim.claimNumber,
    payerId: claim.payer.id,
    serviceDate: claim.serviceDate,
    submittedDate: outcome.submittedOn,
    adjudicatedDate: outcome.adjudicatedOn,
    billedCents: outcome.billedCents,
    paidCents: outcome.paidCents,
    outcome: outcome.status,
    carc: outcome.denial?.carc ?? null,
    rarcCodes: outcome.denial?.rarc ?? [],
    cptCodes: claim.lines.map((l) => l.procedureCode),
    icdCodes: claim.diagnoses,
    lineModifiers: claim.lines.map((l) => l.modifiers),
    lineUnits: claim.lines.map((l) => l.units),
    placeOfService: claim.placeOfService,
    patientAge: Math.min(record.patient.age, OLDEST_REPORTED_AGE),
    patientSex: record.patient.sex,
    patientKey,
  }
}
