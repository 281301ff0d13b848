import type { EpochDay } from '../engine'
import type { Duration, RunnerConfig, Speed } from './config'

export const DAY_MS = 86_400_000

/** Simulated seconds per real second; 'max' has no clock, it runs until the backfill is written. */
export const SPEED_FACTOR: Readonly<Record<Exclude<Speed, 'max'>, number>> = { realtime: 1, '10x': 10, '100x': 100 }

export const DURATION_DAYS: Readonly<Record<Duration, number | null>> = { continuous: null, 'one-week': 7, '30-days': 30, 'two-years': 730 }

/**
 * At most this many claims per alarm: an alarm is one invocation with the Durable Object CPU limit,
 * and a batch this size (generation plus the writes) stays far below it. A backlog is worked off by
 * the next alarms, set to fire at once.
 */
export const MAX_CLAIMS_PER_ALARM = 500

/**
 * Real time between alarms when the runner has caught up with its clock. Every alarm that finds claims
 * due is one D1 round trip, and the local runtime keeps tens of KB for each one (wrangler's inspector
 * proxy more): at 100x a one-second tick made 360 writes of three claims a simulated clinic day, and
 * the server grew by about 30 MB a day. Five seconds (about eight simulated minutes) writes batches
 * of about fourteen, about as many round trips an hour as 10x makes.
 */
export const TICK_MS: Readonly<Record<Speed, number>> = { realtime: 5_000, '10x': 2_000, '100x': 5_000, max: 0 }

/** Claims of a day are spread over clinic hours, 08:00 to 18:00 UTC, in the order the engine made them. */
const OPEN_MS = 8 * 3_600_000
const SPAN_MS = 10 * 3_600_000

export function dueAt(day: EpochDay, index: number, count: number): number {
  return day * DAY_MS + OPEN_MS + Math.floor(((index + 0.5) / count) * SPAN_MS)
}

export const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS

/**
 * The simulated window of a run from the real start instant: live speeds start at `startDate` or now
 * and run forward; a backfill covers the whole days before today.
 */
export function simulatedStart(speed: Speed, duration: Duration, realStartMs: number, startDate?: string): number {
  if (speed === 'max') return startOfDay(realStartMs) - (DURATION_DAYS[duration] ?? 0) * DAY_MS
  return startDate === undefined ? realStartMs : Date.parse(`${startDate}T00:00:00Z`)
}

export function simulatedEnd(config: Pick<RunnerConfig, 'duration' | 'startSimMs'>): number | null {
  const days = DURATION_DAYS[config.duration]
  return days === null ? null : config.startSimMs + days * DAY_MS
}

/** The simulated instant at real time `nowMs`: claims due up to it may be written. */
export function simulatedClock(config: Pick<RunnerConfig, 'speed' | 'duration' | 'startSimMs' | 'startedAtMs'>, nowMs: number): number {
  const end = simulatedEnd(config)
  if (config.speed === 'max') return end ?? Number.POSITIVE_INFINITY
  const clock = config.startSimMs + Math.max(0, nowMs - config.startedAtMs) * SPEED_FACTOR[config.speed]
  return end === null ? clock : Math.min(clock, end)
}

/** When the next alarm should fire: at once while a backlog remains, else after a tick. */
export function nextAlarmAt(speed: Speed, nowMs: number, backlog: boolean): number {
  return backlog ? nowMs : nowMs + TICK_MS[speed]
}

/** Simulated months since the run began, as the engine counts them for improvement. */
export const DAYS_PER_MONTH = 30.44
export function monthsBetween(fromDay: EpochDay, toDay: EpochDay): number {
  return (toDay - fromDay) / DAYS_PER_MONTH
}
