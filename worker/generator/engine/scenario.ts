import { DEFAULT_OVERTURN_RATES } from './appeals'
import { DEFAULT_PATTERN_FREQUENCIES, DENIAL_PATTERNS, type DenialPattern, type PatternSetting } from './denials'

/** What a generated history simulates; its name travels on every record for traceability. */
export type Scenario = {
  name: string
  patterns: Readonly<Record<DenialPattern, PatternSetting>>
  /** Probability an appeal of each pattern wins (before the payer's multiplier). */
  overturnRates: Readonly<Record<DenialPattern, number>>
  /** Multiplier on every payer's appeal rate (1 = as profiled). */
  appealRateScale: number
}

export type ScenarioOverrides = {
  patterns?: Partial<Record<DenialPattern, Partial<PatternSetting>>>
  overturnRates?: Partial<Record<DenialPattern, number>>
  appealRateScale?: number
}

function patternsFrom(overrides: ScenarioOverrides['patterns']): Record<DenialPattern, PatternSetting> {
  const out = {} as Record<DenialPattern, PatternSetting>
  for (const p of DENIAL_PATTERNS) out[p] = { frequency: DEFAULT_PATTERN_FREQUENCIES[p], improvementPerMonth: 0, ...overrides?.[p] }
  return out
}

export function defineScenario(name: string, overrides: ScenarioOverrides = {}): Scenario {
  return {
    name,
    patterns: patternsFrom(overrides.patterns),
    overturnRates: { ...DEFAULT_OVERTURN_RATES, ...overrides.overturnRates },
    appealRateScale: overrides.appealRateScale ?? 1,
  }
}

/** Industry-typical: 10-15% first-pass denials, no improvement unless the practice learns. */
export const DEFAULT_SCENARIO: Scenario = defineScenario('default')
