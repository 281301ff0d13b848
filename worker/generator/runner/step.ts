import type { RunnerConfig } from './config'
import { afterAlarm, type RunState } from './run-state'
import { MAX_CLAIMS_PER_ALARM, nextAlarmAt, simulatedClock } from './schedule'
import type { GeneratedClaim, ScenarioStream } from './stream'

/** Where generated claims go: the claims pipeline or claim_history. Returns how many rows it wrote. */
export type ClaimSink = { write(claims: GeneratedClaim[], config: RunnerConfig): Promise<number> }

export type StepOutcome = { state: RunState; nextAlarmAt: number | null }

/**
 * One alarm: the claims due by the simulated clock (a bounded batch), written, then the state and the
 * next alarm. The stream must stand at `state.position`; if the write throws, the stream is ahead of
 * the state and must be discarded (the alarm's retry rebuilds it and writes the same claims again).
 */
export async function runStep(state: RunState, stream: ScenarioStream, sink: ClaimSink, nowMs: number, max = MAX_CLAIMS_PER_ALARM): Promise<StepOutcome> {
  if (!state.running) return { state, nextAlarmAt: null }
  const clockMs = simulatedClock(state.config, nowMs)
  const taken = stream.take(clockMs, max)
  const written = taken.claims.length ? await sink.write(taken.claims, state.config) : 0
  const full = taken.claims.length === max
  const next = afterAlarm(state, { claims: taken.claims, written, position: stream.position(), exhausted: taken.exhausted, clockMs, full }, nowMs)
  return { state: next, nextAlarmAt: next.running ? nextAlarmAt(state.config.speed, nowMs, full) : null }
}
