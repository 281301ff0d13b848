import { DurableObject } from 'cloudflare:workers'
import {
  describeRun,
  newRunState,
  nextAlarmAt,
  planOf,
  RunnerConfig,
  RunState,
  runStep,
  ScenarioStream,
  simulatedEnd,
  stoppedState,
  type RunnerStatus,
  type StreamPosition,
} from '../worker/generator/runner'
import { historySink, pipelineSink } from './scenario-sinks'

const STATE_KEY = 'run'

export type StartOutcome = { ok: true; status: RunnerStatus } | { ok: false; reason: 'already-running'; status: RunnerStatus }

/** A backfill starts writing at once; a live run has nothing due until its clock has moved. */
const firstAlarmAt = (config: RunnerConfig, nowMs: number) => nextAlarmAt(config.speed, nowMs, config.speed === 'max')

const samePosition = (a: StreamPosition, b: StreamPosition) => a.segment === b.segment && a.batch === b.batch && a.index === b.index

/**
 * One per named scenario: generates claims on alarms at the configured speed and writes them to the
 * pipeline or to history. The schedule, the stream and the counts are plain code in
 * worker/generator/runner; this class keeps the state and the alarm.
 */
export class ScenarioRunner extends DurableObject<Env> {
  /** The stream kept warm between alarms; rebuilt from the stored position after an eviction. */
  private stream: { startedAtMs: number; stream: ScenarioStream } | null = null

  async start(raw: unknown): Promise<StartOutcome> {
    const config = RunnerConfig.parse(raw)
    const current = await this.load()
    if (current?.running) return { ok: false, reason: 'already-running', status: this.describe(current) }
    const state = newRunState(config)
    this.stream = null
    await this.ctx.storage.put(STATE_KEY, state)
    await this.ctx.storage.setAlarm(firstAlarmAt(config, Date.now()))
    return { ok: true, status: this.describe(state) }
  }

  async stop(): Promise<RunnerStatus | null> {
    const current = await this.load()
    if (!current) return null
    const state = stoppedState(current, Date.now())
    await this.ctx.storage.deleteAlarm()
    await this.ctx.storage.put(STATE_KEY, state)
    this.stream = null
    return this.describe(state)
  }

  async status(): Promise<RunnerStatus | null> {
    const state = await this.load()
    return state ? this.describe(state) : null
  }

  override async alarm(): Promise<void> {
    // The batch's D1 writes would let a stop or start in between; the runner's state has one writer.
    await this.ctx.blockConcurrencyWhile(() => this.runAlarm())
  }

  private async runAlarm(): Promise<void> {
    const state = await this.load()
    if (!state?.running) return
    const stream = this.streamAt(state)
    const sink = state.config.target === 'history' ? historySink(this.env) : pipelineSink(this.env)
    let outcome
    try {
      outcome = await runStep(state, stream, sink, Date.now())
    } catch (error) {
      // The stream moved past claims that were not recorded as written; the retry rebuilds it.
      this.stream = null
      console.error(JSON.stringify({ level: 'error', at: 'scenario-runner', scenario: state.config.scenario, error: error instanceof Error ? error.name : 'unknown' }))
      throw error
    }
    await this.ctx.storage.put(STATE_KEY, outcome.state)
    if (outcome.nextAlarmAt !== null) await this.ctx.storage.setAlarm(outcome.nextAlarmAt)
    else this.stream = null
  }

  private streamAt(state: RunState): ScenarioStream {
    const kept = this.stream
    if (kept && kept.startedAtMs === state.config.startedAtMs && samePosition(kept.stream.position(), state.position)) return kept.stream
    const stream = new ScenarioStream(planOf(state.config), state.position)
    this.stream = { startedAtMs: state.config.startedAtMs, stream }
    return stream
  }

  private async load(): Promise<RunState | null> {
    const raw = await this.ctx.storage.get(STATE_KEY)
    return raw === undefined ? null : RunState.parse(raw)
  }

  private describe(state: RunState): RunnerStatus {
    return describeRun(state, Date.now(), simulatedEnd(state.config))
  }
}
