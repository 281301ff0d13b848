import { describe, expect, it } from 'vitest'
import type { DenialPattern } from './denials'
import { patternFrequency } from './denials'
import { LEARNING_FLOOR, applyLearning, createLearningState, generateLearningEvents, learningFactor } from './learning'
import { defineScenario } from './scenario'
import { historyOf } from './test-fixtures'
import type { HistoryRecord } from './history-record'

const PATTERN: DenialPattern = 'missing-modifier-25'

/** Share of claims that could carry the pattern (a same-day procedure) which did. */
function rate(records: HistoryRecord[], from: string, to: string): number {
  const eligible = records.filter((r) => r.claim.serviceDate >= from && r.claim.serviceDate <= to && r.note.truth.procedures[0]!.modifiers.includes('25'))
  return eligible.filter((r) => r.trace.pattern === PATTERN).length / eligible.length
}

describe('learning', () => {
  it('lowers the factor in proportion to engagement, never below the floor', () => {
    const state = createLearningState()
    applyLearning(state, { on: '2024-01-01', userId: 'u1', pattern: PATTERN, engagement: 0 })
    expect(learningFactor(state, PATTERN)).toBe(1)
    applyLearning(state, { on: '2024-01-02', userId: 'u1', pattern: PATTERN, engagement: 1 })
    const afterOne = learningFactor(state, PATTERN)
    applyLearning(state, { on: '2024-01-03', userId: 'u2', pattern: PATTERN, engagement: 0.3 })
    expect(learningFactor(state, PATTERN)).toBeGreaterThan(afterOne * 0.75)
    for (let i = 0; i < 100; i++) applyLearning(state, { on: '2024-02-01', userId: 'u1', pattern: PATTERN, engagement: 1 })
    expect(learningFactor(state, PATTERN)).toBe(LEARNING_FLOOR)
    expect(learningFactor(state, 'duplicate')).toBe(1)
  })

  it('gives users different engagement levels', () => {
    const events = generateLearningEvents({ seed: 5, from: '2024-01-01', to: '2024-12-31', users: 8, sessionsPerUserPerMonth: 2 })
    const mean = (u: string) => {
      const mine = events.filter((e) => e.userId === u)
      return mine.reduce((s, e) => s + e.engagement, 0) / mine.length
    }
    const means = [...new Set(events.map((e) => e.userId))].map(mean)
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.3)
    expect(events.map((e) => e.on)).toEqual([...events.map((e) => e.on)].sort())
  })

  it('makes a practised pattern rarer in that provider\u2019s later claims', () => {
    const scenario = defineScenario('learning', { patterns: { [PATTERN]: { frequency: 0.5 } } })
    const practice = [1, 2, 3, 4, 5, 6].map((d) => ({ on: `2024-07-0${d}`, userId: 'usr_1', pattern: PATTERN, engagement: 0.9 }))
    const without = historyOf('orthopedics', 60, { scenario })
    const withPractice = historyOf('orthopedics', 60, { scenario, learningEvents: practice })
    const before = rate(withPractice, '2024-01-01', '2024-06-30')
    const after = rate(withPractice, '2024-07-07', '2024-12-31')
    expect(Math.abs(before - rate(without, '2024-01-01', '2024-06-30'))).toBeLessThan(1e-9)
    expect(rate(without, '2024-07-07', '2024-12-31')).toBeGreaterThan(0.4)
    expect(after).toBeLessThan(before * 0.5)
  })

  it('lets a pattern improve month by month without practice', () => {
    expect(patternFrequency({ frequency: 0.25, improvementPerMonth: 0.1 }, 12, 1, 1)).toBeCloseTo(0.25 * 0.9 ** 12)
    const scenario = defineScenario('improving', { patterns: { [PATTERN]: { frequency: 0.5, improvementPerMonth: 0.1 } } })
    const records = historyOf('orthopedics', 60, { scenario })
    expect(rate(records, '2024-10-01', '2024-12-31')).toBeLessThan(rate(records, '2024-01-01', '2024-03-31') / 2)
  })
})
