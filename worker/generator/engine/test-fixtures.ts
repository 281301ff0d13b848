import { generateHistory } from './history'
import type { HistoryRecord } from './history-record'
import { generateProvider } from './providers'
import type { Specialty } from './specialties'
import type { HistoryOptions } from './history'

/** A year of one practice's claims, collected into an array (tests only: real callers stream). */
export function historyOf(specialty: Specialty, claimsPerDay: number, overrides: Partial<HistoryOptions> = {}): HistoryRecord[] {
  const seed = overrides.seed ?? 20_260_101
  const provider = generateProvider({ seed, specialty, claimsPerDay })
  return [...generateHistory({ seed, provider, from: '2024-01-01', to: '2024-12-31', ...overrides })]
}
