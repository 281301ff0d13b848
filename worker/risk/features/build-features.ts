import { aggregateId, aggregateKeysOf, type AggregateDimension } from './aggregate-keys'
import { codingSignals, type CodingSignals } from './coding-signals'
import { FEATURE_NAMES, type FeatureName } from './feature-catalogue'
import { EMPTY_OUTCOMES, type WindowOutcomes } from './monthly-outcomes'
import { needsPriorAuth } from './prior-auth-services'
import type { RiskSubject } from './risk-subject'
import { smoothedRate } from './smoothing'

export type FeatureInputs = {
  subject: RiskSubject
  /** Outcomes over the window for the subject's aggregate keys (summariseOutcomes). */
  outcomes: ReadonlyMap<string, WindowOutcomes>
  /** Other claims known for the same patient, date of service and primary procedure; null when unknown. */
  duplicates: number | null
}

/** What the values were computed from: the reasons quote it ("payer X denied 23% of 99214 claims"). */
export type FeatureEvidence = {
  subject: RiskSubject
  signals: CodingSignals
  outcomes: Record<AggregateDimension, WindowOutcomes>
  priorAuthCodes: string[]
  duplicates: number | null
  daysToSubmission: number | null
}

export type FeatureRow = { values: Float64Array; evidence: FeatureEvidence }

const COLUMN = new Map(FEATURE_NAMES.map((name, i) => [name, i]))

/** Where a feature sits in a catalogue row. */
export function featureColumn(name: FeatureName): number {
  return COLUMN.get(name)!
}

export function buildFeatures({ subject, outcomes, duplicates }: FeatureInputs): FeatureRow {
  const byDimension = Object.fromEntries(
    aggregateKeysOf(subject).map((k) => [k.dimension, outcomes.get(aggregateId(k)) ?? EMPTY_OUTCOMES]),
  ) as Partial<Record<AggregateDimension, WindowOutcomes>>
  const o: Record<AggregateDimension, WindowOutcomes> = {
    all: byDimension.all ?? EMPTY_OUTCOMES,
    provider: byDimension.provider ?? EMPTY_OUTCOMES,
    payer: byDimension.payer ?? EMPTY_OUTCOMES,
    cpt: byDimension.cpt ?? EMPTY_OUTCOMES,
    icd: byDimension.icd ?? EMPTY_OUTCOMES,
    'payer-cpt': byDimension['payer-cpt'] ?? EMPTY_OUTCOMES,
  }
  const signals = codingSignals(subject)
  const priorAuthCodes = subject.lines.map((l) => l.procedureCode).filter(needsPriorAuth)
  const daysToSubmission = daysBetween(subject.serviceDate, subject.submittedDate)
  // Without any history there is no prior to smooth toward: rates are missing, not guessed.
  const prior = o.all.claims > 0 ? o.all.notPaid / o.all.claims : Number.NaN
  const rate = (w: WindowOutcomes) => (Number.isNaN(prior) ? Number.NaN : smoothedRate(w.notPaid, w.claims, prior))
  const typical = o.cpt.claims > 0 ? o.cpt.billedCents / o.cpt.claims : Number.NaN
  const tenure = o.provider.firstMonth === null ? 0 : monthsBetween(o.provider.firstMonth, subject.submittedDate)

  const row: Record<FeatureName, number> = {
    coder_confidence: subject.coder?.confidence ?? Number.NaN,
    edits_failed: subject.coder?.editsFailed ?? Number.NaN,
    modifier_25_missing: signals.modifier25Missing ? 1 : 0,
    ncci_unbundled_pairs: signals.unbundledPairs.length,
    units_over_mue: signals.worstMue?.ratio ?? 0,
    modifier_25: signals.hasModifier25 ? 1 : 0,
    modifier_59: signals.hasModifier59 ? 1 : 0,
    prior_auth_service: priorAuthCodes.length,
    cpt_not_paid_rate: rate(o.cpt),
    icd_not_paid_rate: rate(o.icd),
    payer_not_paid_rate: rate(o.payer),
    provider_not_paid_rate: rate(o.provider),
    payer_cpt_not_paid_rate: rate(o['payer-cpt']),
    payer_cpt_claims: o['payer-cpt'].claims,
    provider_monthly_volume: o.provider.activeMonths > 0 ? o.provider.claims / o.provider.activeMonths : 0,
    provider_tenure_months: tenure,
    billed_cents: subject.billedCents,
    billed_vs_typical: subject.billedCents / typical,
    line_count: subject.lines.length,
    place_of_service: subject.placeOfService && /^\d{1,2}$/.test(subject.placeOfService) ? Number(subject.placeOfService) : Number.NaN,
    duplicate_suspect: duplicates ?? Number.NaN,
    days_to_submission: daysToSubmission ?? Number.NaN,
    patient_age: subject.patientAge ?? Number.NaN,
    patient_sex: subject.patientSex === 'F' ? 1 : subject.patientSex === 'M' ? 0 : Number.NaN,
  }
  const values = new Float64Array(FEATURE_NAMES.length)
  FEATURE_NAMES.forEach((name, i) => (values[i] = row[name]))
  return { values, evidence: { subject, signals, outcomes: o, priorAuthCodes, duplicates, daysToSubmission } }
}

function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`)
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000)
}

function monthsBetween(fromMonth: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(fromMonth.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(fromMonth.slice(5, 7))
}
