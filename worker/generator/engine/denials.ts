/** The denial patterns the engine injects, each with the mechanism that triggers it on a claim. */
export type DenialPattern =
  | 'missing-modifier-25'
  | 'unbundled-ncci'
  | 'incomplete-documentation'
  | 'prior-auth-required'
  | 'exceeds-mue'
  | 'not-medically-necessary'
  | 'timely-filing'
  | 'eligibility'
  | 'duplicate'

export const DENIAL_PATTERNS: readonly DenialPattern[] = [
  'missing-modifier-25',
  'unbundled-ncci',
  'incomplete-documentation',
  'prior-auth-required',
  'exceeds-mue',
  'not-medically-necessary',
  'timely-filing',
  'eligibility',
  'duplicate',
]

export type AdjustmentGroup = 'CO' | 'PR' | 'OA'

/**
 * How a payer answers each pattern on the 835: group and CARC, the RARCs that usually come with it, and
 * whether it denies one line or the whole claim. CARC 4/16/18/27/29/50/97/151/197 from the X12 list
 * (../shared/data/carc); modifier-25 denials carry no RARC ("N/A"), incomplete documentation M127/N29.
 */
export const DENIAL_CODES: Readonly<Record<DenialPattern, { group: AdjustmentGroup; carc: string; rarc: readonly string[]; scope: 'line' | 'claim' }>> = {
  'missing-modifier-25': { group: 'CO', carc: '4', rarc: [], scope: 'line' },
  'unbundled-ncci': { group: 'CO', carc: '97', rarc: [], scope: 'line' },
  'incomplete-documentation': { group: 'CO', carc: '16', rarc: ['M127', 'N29'], scope: 'claim' },
  'prior-auth-required': { group: 'CO', carc: '197', rarc: [], scope: 'line' },
  'exceeds-mue': { group: 'CO', carc: '151', rarc: [], scope: 'line' },
  'not-medically-necessary': { group: 'CO', carc: '50', rarc: [], scope: 'line' },
  'timely-filing': { group: 'CO', carc: '29', rarc: [], scope: 'claim' },
  'eligibility': { group: 'CO', carc: '27', rarc: [], scope: 'claim' },
  duplicate: { group: 'OA', carc: '18', rarc: [], scope: 'claim' },
}

/** NCCI pairs are reported with CARC 236 instead of 97 when modifiers could have bypassed the edit. */
export const NCCI_MODIFIER_ALLOWED_CARC = '236'

/**
 * Default frequency of each pattern among the claims it can apply to (modifier 25 only where a
 * procedure shares the day with an E/M visit, prior auth only on services that need one). Tuned so
 * that the overall first-pass denial rate lands at 10-15% (industry figure, ../shared/data/SOURCES.md).
 */
export const DEFAULT_PATTERN_FREQUENCIES: Readonly<Record<DenialPattern, number>> = {
  'missing-modifier-25': 0.1,
  'unbundled-ncci': 0.012,
  'incomplete-documentation': 0.025,
  'prior-auth-required': 0.2,
  'exceeds-mue': 0.006,
  'not-medically-necessary': 0.022,
  'timely-filing': 0.008,
  eligibility: 0.015,
  duplicate: 0.01,
}

export type PatternSetting = {
  /** Probability, among claims the pattern can apply to, at the start of the history (0-1). */
  frequency: number
  /** Share by which the frequency falls each month without any practice, e.g. 0.03 (0-1). */
  improvementPerMonth: number
}

/**
 * The pattern's frequency for one claim: configured frequency, decayed per month since the start,
 * scaled by the payer's multiplier and the provider's learning factor, capped at 1.
 */
export function patternFrequency(setting: PatternSetting, monthsElapsed: number, payerMultiplier: number, learningFactor: number): number {
  const decayed = setting.frequency * Math.pow(1 - setting.improvementPerMonth, monthsElapsed)
  return Math.min(1, decayed * payerMultiplier * learningFactor)
}
