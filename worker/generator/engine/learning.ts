import { mulberry32 } from '../prng'
import { epochDayOf, isoDateOf } from './dates'
import { DENIAL_PATTERNS, type DenialPattern } from './denials'

/** A practice session: one user of the provider works through cases of one denial pattern. */
export type LearningEvent = {
  on: string
  userId: string
  pattern: DenialPattern
  /** 0-1: share of the session's cases completed and corrections applied. */
  engagement: number
}

/** One fully engaged session removes this share of the remaining frequency of its pattern. */
export const LEARNING_EFFECT = 0.25
/** Practice never takes a pattern below this share of its frequency: some errors are not the coder's. */
export const LEARNING_FLOOR = 0.15

/** The provider's learning so far: a factor per pattern on its frequency (1 = no effect). */
export type LearningState = Map<DenialPattern, number>

export function createLearningState(): LearningState {
  return new Map()
}

export function learningFactor(state: LearningState, pattern: DenialPattern): number {
  return state.get(pattern) ?? 1
}

/** Practice lowers the provider's future frequency of the pattern, in proportion to engagement. */
export function applyLearning(state: LearningState, event: LearningEvent): void {
  const before = learningFactor(state, event.pattern)
  const engagement = Math.min(1, Math.max(0, event.engagement))
  state.set(event.pattern, Math.max(LEARNING_FLOOR, before * (1 - LEARNING_EFFECT * engagement)))
}

export type LearningPlan = {
  seed: number
  from: string
  to: string
  /** Number of users at the practice; each has an engagement level of their own. */
  users: number
  patterns?: readonly DenialPattern[]
  /** Sessions a user starts per 30 days. */
  sessionsPerUserPerMonth: number
}

/**
 * Sessions over a period, sorted by date. Engagement differs by user: some finish every case, some
 * click through; each session varies around the user's level.
 */
export function generateLearningEvents(plan: LearningPlan): LearningEvent[] {
  const random = mulberry32(plan.seed ^ 0x1ea7_0001)
  const from = epochDayOf(plan.from)
  const to = epochDayOf(plan.to)
  const patterns = plan.patterns ?? DENIAL_PATTERNS
  const events: { day: number; event: LearningEvent }[] = []
  for (let u = 0; u < plan.users; u++) {
    const level = random.pick([0.15, 0.4, 0.7, 0.95])
    const sessions = Math.round(((to - from + 1) / 30) * plan.sessionsPerUserPerMonth)
    for (let s = 0; s < sessions; s++) {
      const day = random.int(from, to)
      const engagement = Math.round(Math.min(1, Math.max(0, level + (random.next() - 0.5) * 0.3)) * 100) / 100
      events.push({ day, event: { on: isoDateOf(day), userId: `usr_syn_${u + 1}`, pattern: random.pick(patterns), engagement } })
    }
  }
  events.sort((a, b) => a.day - b.day || a.event.userId.localeCompare(b.event.userId))
  return events.map((e) => e.event)
}
