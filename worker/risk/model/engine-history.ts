import { generateHistory, generateProvider, type Specialty } from '../../generator/engine'
import { historyRowOf } from '../../generator/runner/history-row'
import type { HistoryClaim } from '../features'
import { historyClaimOf } from '../store/history-claim'

/**
 * A practice's adjudicated history from the synthetic engine, through the same row the scenario
 * runner writes to claim_history: for tests and benchmarks of training without a database.
 * The member id stands in for the blind index as the patient key.
 */
export function engineHistory(options: { seed: number; specialty?: Specialty; claimsPerDay: number; from: string; to: string }): HistoryClaim[] {
  const provider = generateProvider({ seed: options.seed, specialty: options.specialty ?? 'family-medicine', claimsPerDay: options.claimsPerDay })
  const claims: HistoryClaim[] = []
  for (const record of generateHistory({ seed: options.seed, provider, from: options.from, to: options.to })) {
    claims.push(historyClaimOf(historyRowOf({ record }, record.patient.memberId)))
  }
  return claims
}
