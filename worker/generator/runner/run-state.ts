import { z } from 'zod'
import { DENIAL_PATTERNS } from '../engine'
import { RunnerConfig } from './config'
import type { GeneratedClaim, StreamPosition } from './stream'

/** How far back the status's recent rate looks. */
export const RATE_WINDOW_MS = 60_000
const SAMPLE_EVERY_MS = 1_000

const Sample = z.object({ atMs: z.number(), claims: z.int() })

/** What a runner keeps between alarms. Counts stay a fixed size however long the run: no per-claim state. */
export const RunState = z.object({
  config: RunnerConfig,
  position: z.object({ segment: z.int(), batch: z.int(), index: z.int() }),
  running: z.boolean(),
  claimsGenerated: z.int(),
  /** Rows the target accepted; below generated when a claim already existed (a rerun, a resubmission). */
  claimsWritten: z.int(),
  patterns: z.record(z.string(), z.int()),
  /** Simulated instant the written claims reach. */
  simulatedMs: z.number(),
  samples: z.array(Sample),
  lastAlarmAtMs: z.number().nullable(),
  stoppedAtMs: z.number().nullable(),
  endedBecause: z.enum(['stopped', 'completed']).nullable(),
})
export type RunState = z.infer<typeof RunState>

export function newRunState(config: RunnerConfig): RunState {
  return {
    config,
    position: { segment: 0, batch: 0, index: 0 },
    running: true,
    claimsGenerated: 0,
    claimsWritten: 0,
    patterns: {},
    simulatedMs: config.startSimMs,
    samples: [{ atMs: config.startedAtMs, claims: 0 }],
    lastAlarmAtMs: null,
    stoppedAtMs: null,
    endedBecause: null,
  }
}

export type AlarmResult = { claims: GeneratedClaim[]; written: number; position: StreamPosition; exhausted: boolean; clockMs: number; full: boolean }

/** The state after one alarm's batch. */
export function afterAlarm(state: RunState, result: AlarmResult, nowMs: number): RunState {
  const patterns = { ...state.patterns }
  for (const { record } of result.claims) {
    const key = record.trace.pattern ?? 'none'
    patterns[key] = (patterns[key] ?? 0) + 1
  }
  const claimsGenerated = state.claimsGenerated + result.claims.length
  // A full batch (or a backfill, whose clock is already at the end) reaches only as far as its last claim.
  const lastDue = result.claims.at(-1)?.dueMs ?? state.simulatedMs
  const simulatedMs = result.full || state.config.speed === 'max' ? lastDue : Math.max(state.simulatedMs, result.clockMs)
  // At most one sample a second: a backfill's alarms come every few milliseconds, and the state stays small.
  const recent = state.samples.length > 1 && nowMs - state.samples.at(-1)!.atMs < SAMPLE_EVERY_MS
  const samples = [...(recent ? state.samples.slice(0, -1) : state.samples), { atMs: nowMs, claims: claimsGenerated }]
  // Keep the newest sample older than the window: the rate spans the whole window, not just its inside.
  const firstInside = samples.findIndex((s) => s.atMs >= nowMs - RATE_WINDOW_MS)
  const kept = samples.slice(Math.max(0, firstInside - 1))
  const ended = result.exhausted
  return {
    ...state,
    position: result.position,
    claimsGenerated,
    claimsWritten: state.claimsWritten + result.written,
    patterns,
    simulatedMs,
    samples: kept,
    lastAlarmAtMs: nowMs,
    running: !ended,
    stoppedAtMs: ended ? nowMs : null,
    endedBecause: ended ? 'completed' : null,
  }
}

export function stoppedState(state: RunState, nowMs: number): RunState {
  if (!state.running) return state
  return { ...state, running: false, stoppedAtMs: nowMs, endedBecause: 'stopped' }
}

export const RunnerStatus = z.object({
  scenario: z.string(),
  running: z.boolean(),
  endedBecause: z.enum(['stopped', 'completed']).nullable(),
  target: z.string(),
  speed: z.string(),
  duration: z.string(),
  providerId: z.string(),
  seed: z.int(),
  claimsPerDay: z.int(),
  claimsGenerated: z.int(),
  claimsWritten: z.int(),
  /** Claims a second over the last minute (the sampled window) and since the start. */
  rate: z.object({ lastMinutePerSecond: z.number(), sinceStartPerSecond: z.number() }),
  /** Claims per injected denial pattern; 'none' for clean claims. */
  patterns: z.record(z.string(), z.int()),
  patternShare: z.record(z.string(), z.number()),
  simulatedNow: z.string(),
  simulatedStart: z.string(),
  simulatedEnd: z.string().nullable(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
})
export type RunnerStatus = z.infer<typeof RunnerStatus>

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const iso = (ms: number) => new Date(ms).toISOString()

export function describeRun(state: RunState, nowMs: number, simulatedEndMs: number | null): RunnerStatus {
  const { config } = state
  const until = state.running ? nowMs : (state.stoppedAtMs ?? nowMs)
  const first = state.samples[0]!
  const last = state.samples.at(-1)!
  const windowSeconds = (last.atMs - first.atMs) / 1000
  const runSeconds = (until - config.startedAtMs) / 1000
  const patterns: Record<string, number> = {}
  for (const p of [...DENIAL_PATTERNS, 'none']) patterns[p] = state.patterns[p] ?? 0
  const patternShare = Object.fromEntries(Object.entries(patterns).map(([p, n]) => [p, state.claimsGenerated ? round(n / state.claimsGenerated, 4) : 0]))
  return {
    scenario: config.scenario,
    running: state.running,
    endedBecause: state.endedBecause,
    target: config.target,
    speed: config.speed,
    duration: config.duration,
    providerId: config.providerId,
    seed: config.seed,
    claimsPerDay: config.claimsPerDay,
    claimsGenerated: state.claimsGenerated,
    claimsWritten: state.claimsWritten,
    rate: {
      lastMinutePerSecond: windowSeconds > 0 ? round((last.claims - first.claims) / windowSeconds) : 0,
      sinceStartPerSecond: runSeconds > 0 ? round(state.claimsGenerated / runSeconds) : 0,
    },
    patterns,
    patternShare,
    simulatedNow: iso(state.simulatedMs),
    simulatedStart: iso(config.startSimMs),
    simulatedEnd: simulatedEndMs === null ? null : iso(simulatedEndMs),
    startedAt: iso(config.startedAtMs),
    stoppedAt: state.stoppedAtMs === null ? null : iso(state.stoppedAtMs),
  }
}
