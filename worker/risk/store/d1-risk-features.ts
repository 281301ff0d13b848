import type { StoredClaim } from '../../claims'
import { aggregateKeysOf, buildFeatures, summariseOutcomes, type FeatureRow, type MonthlyOutcomes } from '../features'
import { liveRiskSubject } from './live-subject'

type AggregateRow = { dimension: MonthlyOutcomes['dimension']; key: string; month: string; claims: number; notPaid: number; billedCents: number }

/**
 * A pipeline claim's features in two D1 queries, sent as one batch: the monthly outcomes of its
 * aggregate keys (kept by the claim_history trigger), and how many earlier claims share its patient,
 * date of service and primary procedure (live claims and history, matched on the blind index).
 */
export async function readClaimFeatures(d1: D1Database, claim: StoredClaim): Promise<FeatureRow> {
  const subject = liveRiskSubject(claim)
  const keys = aggregateKeysOf(subject)
  const outcomes = d1
    .prepare(
      `SELECT dimension, key, month, claims, not_paid AS notPaid, billed_cents AS billedCents FROM risk_aggregates WHERE ${keys.map(() => '(dimension = ? AND key = ?)').join(' OR ')}`,
    )
    .bind(...keys.flatMap((k) => [k.dimension, k.key]))
  const cpt = subject.lines[0]?.procedureCode
  const canCheckDuplicates = claim.memberIdIndex != null && cpt !== undefined
  const duplicates = d1
    .prepare(
      `SELECT
        (SELECT count(*) FROM claims c JOIN claim_lines l ON l.claim_id = c.id AND l.line_number = 1
          WHERE c.provider_id = ?1 AND c.member_id_index = ?2 AND c.service_date = ?3 AND l.procedure_code = ?4 AND c.id < ?5 AND c.status <> 'rejected')
      + (SELECT count(*) FROM claim_history h
          WHERE h.provider_id = ?1 AND h.patient_key = ?2 AND h.service_date = ?3 AND json_extract(h.cpt_codes, '$[0]') = ?4) AS n`,
    )
    .bind(claim.providerId, claim.memberIdIndex ?? '', claim.serviceDate, cpt ?? '', claim.id)
  const [aggregateResult, duplicateResult] = await d1.batch<unknown>([outcomes, duplicates])
  const rows = (aggregateResult!.results as AggregateRow[]).map((r) => ({ ...r }))
  const n = (duplicateResult!.results[0] as { n: number } | undefined)?.n ?? 0
  return buildFeatures({ subject, outcomes: summariseOutcomes(rows, keys, subject.submittedDate), duplicates: canCheckDuplicates ? n : null })
}
