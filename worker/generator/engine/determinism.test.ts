import { describe, expect, it } from 'vitest'
import { generateHistory } from './history'
import { generateLearningEvents } from './learning'
import { generateProvider } from './providers'
import { defineScenario } from './scenario'

function firstRecordsJson(seed: number, count: number): string {
  const provider = generateProvider({ seed, specialty: 'orthopedics', claimsPerDay: 200 })
  const scenario = defineScenario('determinism', { patterns: { 'missing-modifier-25': { frequency: 0.25, improvementPerMonth: 0.05 } } })
  const learningEvents = generateLearningEvents({ seed, from: '2024-01-01', to: '2025-12-31', users: 3, sessionsPerUserPerMonth: 2 })
  const out: string[] = []
  for (const record of generateHistory({ seed, provider, from: '2024-01-01', to: '2025-12-31', scenario, learningEvents })) {
    out.push(JSON.stringify(record))
    if (out.length === count) break
  }
  return out.join('\n')
}

describe('determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(firstRecordsJson(99, 3_000)).toBe(firstRecordsJson(99, 3_000))
  })

  it('gives different output for another seed', () => {
    expect(firstRecordsJson(99, 200)).not.toBe(firstRecordsJson(100, 200))
  })
})
