import { defineScenario, generateProvider, type DenialPattern, type EpochDay, type PatternSetting, type Provider } from '../engine'
import type { RunnerConfig } from './config'
import { DAY_MS, simulatedEnd } from './schedule'

/** Everything the claim stream needs, derived from a runner's config alone (so it can be rebuilt). */
export type RunPlan = {
  seed: number
  provider: Provider
  scenario: string
  /** Pattern settings at the start of the run; later segments start from the decayed frequency. */
  patterns: Readonly<Record<DenialPattern, PatternSetting>>
  firstDay: EpochDay
  /** Last simulated day, or null for a continuous run. */
  lastDay: EpochDay | null
  startMs: number
  endMs: number | null
}

export function planOf(config: RunnerConfig): RunPlan {
  const engineProvider = generateProvider({ seed: config.seed, claimsPerDay: config.claimsPerDay, ...(config.specialty ? { specialty: config.specialty } : {}) })
  const endMs = simulatedEnd(config)
  return {
    seed: config.seed,
    provider: { ...engineProvider, id: config.providerId },
    scenario: config.scenario,
    patterns: defineScenario(config.scenario, { patterns: config.patterns }).patterns,
    firstDay: Math.floor(config.startSimMs / DAY_MS),
    lastDay: endMs === null ? null : Math.floor((endMs - 1) / DAY_MS),
    startMs: config.startSimMs,
    endMs,
  }
}
