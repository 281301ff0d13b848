import { aggregateId, aggregateKeysOf, type AggregateKey } from './aggregate-keys'
import { buildFeatures, type FeatureRow } from './build-features'
import { summariseOutcomes, type MonthlyOutcomes } from './monthly-outcomes'
import type { RiskSubject } from './risk-subject'

/** An adjudicated claim of the history, as the trainer reads it from claim_history. */
export type HistoryClaim = RiskSubject & {
  /** YYYY-MM-DD */
  adjudicatedDate: string
  paidInFull: boolean
  /** Blind index of the patient; null when the history came without one. */
  patientKey: string | null
}

/** How long a visit stays in the duplicate check: payers flag resubmissions of the last year or so. */
const DUPLICATE_HORIZON_DAYS = 400

/**
 * Features for training, as the scorer would have seen them on the day each claim was submitted:
 * outcomes count only once adjudicated before that day, so no claim learns from its own result or
 * from the future. Feed outcomes in adjudication order (`learn`) and claims in submission order
 * (`features`), keeping every learnt adjudication before the claim's submission date.
 */
export class HistoryReplay {
  private readonly months = new Map<string, Map<string, MonthlyOutcomes>>()
  private readonly visits = new Map<string, { count: number; day: number }>()

  learn(claim: Pick<HistoryClaim, 'providerId' | 'payerId' | 'lines' | 'diagnoses' | 'adjudicatedDate' | 'paidInFull' | 'billedCents'>): void {
    const month = claim.adjudicatedDate.slice(0, 7)
    for (const key of aggregateKeysOf(claim)) {
      const id = aggregateId(key)
      let byMonth = this.months.get(id)
      if (!byMonth) this.months.set(id, (byMonth = new Map()))
      const row = byMonth.get(month) ?? { ...key, month, claims: 0, notPaid: 0, billedCents: 0 }
      row.claims += 1
      row.notPaid += claim.paidInFull ? 0 : 1
      row.billedCents += claim.billedCents
      byMonth.set(month, row)
    }
  }

  features(claim: HistoryClaim): FeatureRow {
    const keys = aggregateKeysOf(claim)
    const rows = keys.flatMap((k: AggregateKey) => [...(this.months.get(aggregateId(k))?.values() ?? [])])
    const outcomes = summariseOutcomes(rows, keys, claim.submittedDate)
    return buildFeatures({ subject: claim, outcomes, duplicates: this.countVisit(claim) })
  }

  private countVisit(claim: HistoryClaim): number | null {
    const cpt = claim.lines[0]?.procedureCode
    if (claim.patientKey === null || cpt === undefined) return null
    const key = `${claim.patientKey}|${claim.serviceDate}|${cpt}`
    const day = Math.floor(Date.parse(`${claim.serviceDate}T00:00:00Z`) / 86_400_000)
    const seen = this.visits.get(key)
    this.visits.set(key, { count: (seen?.count ?? 0) + 1, day })
    if (this.visits.size > 50_000) this.forgetBefore(day - DUPLICATE_HORIZON_DAYS)
    return seen?.count ?? 0
  }

  private forgetBefore(day: number): void {
    for (const [key, visit] of this.visits) if (visit.day < day) this.visits.delete(key)
  }
}

/** In memory: every claim's point-in-time features, in submission order, with its label. */
export function replayHistory(claims: readonly HistoryClaim[]): { rows: FeatureRow[]; labels: number[]; claims: HistoryClaim[] } {
  const bySubmission = [...claims].sort((a, b) => compare(a.submittedDate, b.submittedDate))
  const byAdjudication = [...claims].sort((a, b) => compare(a.adjudicatedDate, b.adjudicatedDate))
  const replay = new HistoryReplay()
  const rows: FeatureRow[] = []
  let next = 0
  for (const claim of bySubmission) {
    while (next < byAdjudication.length && byAdjudication[next]!.adjudicatedDate < claim.submittedDate) replay.learn(byAdjudication[next++]!)
    rows.push(replay.features(claim))
  }
  return { rows, labels: bySubmission.map((c) => (c.paidInFull ? 1 : 0)), claims: bySubmission }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
