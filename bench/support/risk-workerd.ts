import { unstable_startWorker } from 'wrangler'
import { FEATURE_NAMES, replayHistory } from '../../worker/risk/features'
import { engineHistory } from '../../worker/risk/model/engine-history'
import { FeatureMatrixBuilder, RiskTrainParams, trainRiskModel } from '../../worker/risk/model'
import { ROOT } from '../../scripts/local-server'

const HISTORY = { seed: 31, claimsPerDay: 30, from: '2024-09-01', to: '2026-08-31' }

export type WorkerdScoring = {
  claims: number
  /** Each claim scored this many times in a row and timed as one: workerd's clock moves in whole ms. */
  repeatsPerClaim: number
  meanMs: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  model: { trees: number; features: number }
}

/**
 * Scoring one claim in workerd, D1 excluded: the product's scoreWithModel (prediction, calibration,
 * TreeSHAP and the reasons in words) on the newest engine claims of a two-year history, timed in the
 * Worker; the percentiles are over claims. The model is trained here with the registry's default parameters, as the Worker would.
 */
export async function workerdScoring(claims: number, repeats = 50): Promise<WorkerdScoring> {
  const replayed = replayHistory(engineHistory(HISTORY))
  const data = new FeatureMatrixBuilder(FEATURE_NAMES.length)
  replayed.rows.forEach((row, i) => data.push(row.values, replayed.labels[i]!, replayed.claims[i]!.submittedDate))
  const trained = trainRiskModel(data, 1, RiskTrainParams.parse({}))
  if (!trained.ok) throw new Error(`training for the workerd latency run failed: ${trained.message}`)
  // Offline: no fetch of the Request.cf sample.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
  const worker = await unstable_startWorker({ config: `${ROOT}/bench/support/risk-score.wrangler.toml`, dev: { server: { port: 0 }, inspector: false, watch: false } })
  try {
    const res = await worker.fetch('http://bench/score', { method: 'POST', body: JSON.stringify({ artifact: trained.artifact, history: HISTORY, calls: claims, repeats }) })
    const body = (await res.json()) as { calls: number; totalMs: number; times: number[]; error?: string }
    if (!res.ok) throw new Error(`the workerd scorer answered ${res.status}: ${body.error}`)
    const sorted = [...body.times].sort((a, b) => a - b)
    const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!)
    return {
      claims: body.times.length,
      repeatsPerClaim: repeats,
      meanMs: round(body.totalMs / body.calls),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: round(sorted.at(-1)!),
      model: { trees: trained.report.treesKept, features: FEATURE_NAMES.length },
    }
  } finally {
    await worker.dispose()
  }
}

const round = (ms: number) => Math.round(ms * 10_000) / 10_000
