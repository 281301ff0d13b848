import { predictOne, treeShap } from '../../worker/risk/gbdt'
import type { FeatureMatrix, GbdtModel } from '../../worker/risk/gbdt'

/**
 * Wall time per call, and the process's CPU time per call beside it: on a shared machine a call can be
 * preempted halfway, which lands in the wall-time tail but not in the CPU time the call itself used.
 */
export type LatencyFigures = { calls: number; p50Ms: number; p99Ms: number; maxMs: number; cpuP50Ms: number; cpuP99Ms: number }

/**
 * Time of single-row calls, each timed on its own, as the Worker scores one claim per request: the
 * row is a view of the test matrix (the features as the reader delivers them), so no copy is timed.
 * A warm-up pass first: a Worker isolate serving claims has long since compiled the scorer.
 */
export function singleRowLatency(model: GbdtModel, x: FeatureMatrix, calls: number): { predict: LatencyFigures; predictAndShap: LatencyFigures } {
  const rows = Array.from({ length: Math.min(x.rows, calls) }, (_, i) => x.values.subarray(i * x.cols, (i + 1) * x.cols))
  let sink = 0
  const predictOnly = (row: Float64Array) => {
    sink += predictOne(model, row)
  }
  const withShap = (row: Float64Array) => {
    sink += predictOne(model, row)
    sink += treeShap(model, row).contributions[0]!
  }
  for (let i = 0; i < 2; i++) for (const row of rows) withShap(row)
  const figures = { predict: measure(rows, calls, predictOnly), predictAndShap: measure(rows, calls, withShap) }
  if (Number.isNaN(sink)) console.log('(a NaN score in the latency rows)')
  return figures
}

function measure(rows: Float64Array[], calls: number, call: (row: Float64Array) => void): LatencyFigures {
  const wall = new Float64Array(calls)
  const cpu = new Float64Array(calls)
  for (let i = 0; i < calls; i++) {
    const row = rows[i % rows.length]!
    const cpuStarted = process.cpuUsage()
    const started = performance.now()
    call(row)
    wall[i] = performance.now() - started
    const used = process.cpuUsage(cpuStarted)
    cpu[i] = (used.user + used.system) / 1000
  }
  wall.sort()
  cpu.sort()
  const at = (times: Float64Array, q: number) => round(times[Math.min(calls - 1, Math.floor(q * calls))]!)
  return { calls, p50Ms: at(wall, 0.5), p99Ms: at(wall, 0.99), maxMs: round(wall[calls - 1]!), cpuP50Ms: at(cpu, 0.5), cpuP99Ms: at(cpu, 0.99) }
}

const round = (ms: number) => Math.round(ms * 10_000) / 10_000
