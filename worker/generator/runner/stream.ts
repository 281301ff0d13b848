import { defineScenario, DENIAL_PATTERNS, epochDayOf, generateHistory, generatePatientPanel, isoDateOf, type DenialPattern, type EpochDay, type HistoryRecord, type Patient, type PatternSetting } from '../engine'
import type { RunPlan } from './plan'
import { dueAt, monthsBetween } from './schedule'

/**
 * The engine's history generator lives only in memory, so a runner resumes by regenerating. The run is
 * cut into segments of this many days, each with its own seed: a Durable Object woken after eviction
 * replays at most one segment (about 28,000 claims at the largest practice) instead of the whole run.
 */
export const SEGMENT_DAYS = 28

/** Where a stream stands: the segment, the day batch within it, the claim within that batch. */
export type StreamPosition = { segment: number; batch: number; index: number }
export const START_POSITION: StreamPosition = { segment: 0, batch: 0, index: 0 }

export type GeneratedClaim = { record: HistoryRecord; patient: Patient; dueMs: number }

export type Taken = { claims: GeneratedClaim[]; skipped: number; exhausted: boolean }

export function segmentSeed(seed: number, segment: number): number {
  return (seed + Math.imul(segment, 0x9e37_79b9)) >>> 0
}

/** Improvement carries over segments: each starts from the frequency the previous one decayed to. */
function segmentPatterns(plan: RunPlan, segmentFirstDay: EpochDay): Record<DenialPattern, PatternSetting> {
  const months = monthsBetween(plan.firstDay, segmentFirstDay)
  const out = {} as Record<DenialPattern, PatternSetting>
  for (const p of DENIAL_PATTERNS) {
    const s = plan.patterns[p]
    out[p] = { frequency: s.frequency * Math.pow(1 - s.improvementPerMonth, months), improvementPerMonth: s.improvementPerMonth }
  }
  return out
}

type DayBatch = { day: EpochDay; records: HistoryRecord[] }

/** One segment's history, cut into day batches so a day's claims can be spread over its hours. */
class Segment {
  readonly panel: Patient[]
  private readonly records: Generator<HistoryRecord, void, undefined>
  private pending: HistoryRecord | null = null
  private done = false

  constructor(plan: RunPlan, readonly index: number) {
    const from = plan.firstDay + index * SEGMENT_DAYS
    const last = from + SEGMENT_DAYS - 1
    const to = plan.lastDay === null ? last : Math.min(last, plan.lastDay)
    const seed = segmentSeed(plan.seed, index)
    const panelSize = Math.min(20_000, Math.max(200, plan.provider.claimsPerDay * 20))
    const { provider } = plan
    // The same panel the history draws from, so pipeline claims carry the patient the record names.
    this.panel = generatePatientPanel({ seed, size: panelSize, specialty: provider.specialty, asOf: isoDateOf(from), state: provider.state, city: provider.city })
    const scenario = defineScenario(plan.scenario, { patterns: segmentPatterns(plan, from) })
    this.records = generateHistory({ seed, provider, from: isoDateOf(from), to: isoDateOf(to), scenario, panelSize })
  }

  private pull(): HistoryRecord | null {
    if (this.done) return null
    const next = this.records.next()
    if (next.done) {
      this.done = true
      return null
    }
    return next.value
  }

  /** The next day's claims; a resubmission (same claim, earlier service date) stays with the day that sent it. */
  nextDay(): DayBatch | null {
    const first = this.pending ?? this.pull()
    this.pending = null
    if (first === null) return null
    const day = epochDayOf(first.claim.serviceDate)
    const records = [first]
    for (let r = this.pull(); r !== null; r = this.pull()) {
      if (r.trace.pattern !== 'duplicate' && epochDayOf(r.claim.serviceDate) > day) {
        this.pending = r
        break
      }
      records.push(r)
    }
    return { day, records }
  }
}

/**
 * A runner's claims in order, each with the simulated instant it is due. Rebuilt from the plan and a
 * position it yields the same claims it would have yielded had it never stopped.
 */
export class ScenarioStream {
  private segment: Segment
  private batch: DayBatch | null = null
  private batchIndex: number
  private index: number

  constructor(private readonly plan: RunPlan, position: StreamPosition = START_POSITION) {
    this.segment = new Segment(plan, position.segment)
    for (let b = 0; b < position.batch; b++) this.segment.nextDay()
    this.batchIndex = position.batch
    this.batch = this.segment.nextDay()
    this.index = position.index
  }

  position(): StreamPosition {
    return { segment: this.segment.index, batch: this.batchIndex, index: this.index }
  }

  /** Claims due at or before `untilMs`, at most `max`; claims due before the run's start are skipped. */
  take(untilMs: number, max: number): Taken {
    const claims: GeneratedClaim[] = []
    let skipped = 0
    while (claims.length < max) {
      const batch = this.current()
      if (batch === null) return { claims, skipped, exhausted: true }
      const dueMs = dueAt(batch.day, this.index, batch.records.length)
      if (this.plan.endMs !== null && dueMs >= this.plan.endMs) return { claims, skipped, exhausted: true }
      if (dueMs > untilMs) break
      const record = batch.records[this.index++]!
      if (dueMs < this.plan.startMs) skipped++
      else claims.push({ record, patient: this.patientOf(record), dueMs })
    }
    return { claims, skipped, exhausted: false }
  }

  private current(): DayBatch | null {
    while (this.batch === null || this.index >= this.batch.records.length) {
      if (this.batch !== null) {
        this.batch = this.segment.nextDay()
        this.batchIndex++
        this.index = 0
        continue
      }
      const nextFirstDay = this.plan.firstDay + (this.segment.index + 1) * SEGMENT_DAYS
      if (this.plan.lastDay !== null && nextFirstDay > this.plan.lastDay) return null
      this.segment = new Segment(this.plan, this.segment.index + 1)
      this.batchIndex = 0
      this.index = 0
      this.batch = this.segment.nextDay()
    }
    return this.batch
  }

  private patientOf(record: HistoryRecord): Patient {
    const patient = this.segment.panel[parseInt(record.patient.id.slice('pat_'.length), 36)]
    if (patient === undefined || patient.id !== record.patient.id) throw new RangeError(`patient ${record.patient.id} is not in the segment's panel`)
    return patient
  }
}
