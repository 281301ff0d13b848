import type { RiskSubject } from './risk-subject'

/** The dimensions of risk_aggregates (migration 0005 keeps them): the trigger and these keys must agree. */
export const AGGREGATE_DIMENSIONS = ['all', 'provider', 'payer', 'cpt', 'icd', 'payer-cpt'] as const
export type AggregateDimension = (typeof AGGREGATE_DIMENSIONS)[number]

export type AggregateKey = { dimension: AggregateDimension; key: string }

/** The primary procedure and diagnosis stand for the claim, as on the 835 and in the trigger. */
export function aggregateKeysOf(subject: Pick<RiskSubject, 'providerId' | 'payerId' | 'lines' | 'diagnoses'>): AggregateKey[] {
  const cpt = subject.lines[0]?.procedureCode
  const icd = subject.diagnoses[0]
  const keys: AggregateKey[] = [
    { dimension: 'all', key: '' },
    { dimension: 'provider', key: subject.providerId },
    { dimension: 'payer', key: subject.payerId },
  ]
  if (cpt !== undefined) keys.push({ dimension: 'cpt', key: cpt }, { dimension: 'payer-cpt', key: `${subject.payerId} ${cpt}` })
  if (icd !== undefined) keys.push({ dimension: 'icd', key: icd })
  return keys
}

export const aggregateId = (k: AggregateKey) => `${k.dimension}\u0000${k.key}`
