import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { auc, predictProba, trainGbdt } from '../worker/risk/gbdt'
import type { TrainOptions } from '../worker/risk/gbdt'
import { machineInfo, round, writeResults } from './support/results'
import { readPredictions, readSplitCsv, writeSplitCsv } from './support/risk-csv'
import { classificationDataset, claimsDataset } from './support/risk-datasets'
import type { RiskDataset } from './support/risk-datasets'
import { runXgboost } from './support/risk-xgboost'

/**
 * Risk model benchmark: our GBDT trainer against XGBoost (hist, one thread) on the same CSV files with
 * the same trees, depth, learning rate, bins, lambda and min_child_weight, no subsampling. Per dataset:
 * test AUC (both from our auc(), XGBoost's from its written predictions), training seconds, and
 * prediction rows per second on the test set after warm-up. Targets from the issue: AUC at most 0.002
 * below XGBoost's, training at most 2x its time, prediction throughput at least its own.
 * Run: npm run bench:risk (BENCH_RISK_ROWS=50000, BENCH_RISK_CLAIMS=40000, BENCH_RISK_SEED, BENCH_RISK_KEEP=1 keeps the CSVs).
 */

const SEED = Number(process.env.BENCH_RISK_SEED ?? 20_261_122)
const CLASSIFICATION_ROWS = Number(process.env.BENCH_RISK_ROWS ?? 50_000)
const CLAIM_ROWS = Number(process.env.BENCH_RISK_CLAIMS ?? 40_000)
const MIN_PREDICT_SECONDS = 1
const OPTIONS: Partial<TrainOptions> = {
  trees: 200,
  maxDepth: 6,
  learningRate: 0.1,
  maxBins: 256,
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  subsample: 1,
  colsampleByTree: 1,
  earlyStoppingRounds: 0,
  seed: 1,
}
const TARGETS = { maxAucShortfall: 0.002, maxTrainTimeRatio: 2, minPredictThroughputRatio: 1 }

const dir = mkdtempSync(join(tmpdir(), 'bench-risk-'))
const datasets = [classificationDataset(CLASSIFICATION_ROWS, SEED), claimsDataset(CLAIM_ROWS, SEED)]
const results = datasets.map(benchDataset)

writeResults('risk', {
  benchmark: 'risk',
  seed: SEED,
  params: { ...OPTIONS, xgboost: { tree_method: 'hist', nthread: 1, missing: 'NaN', base_score: 'library default' } },
  targets: TARGETS,
  allTargetsMet: results.every((r) => r.targetsMet?.all === true),
  datasets: results,
  machine: machineInfo({ predictMinSeconds: MIN_PREDICT_SECONDS }),
})
if (process.env.BENCH_RISK_KEEP) console.log(`CSV files kept in ${dir}`)
else rmSync(dir, { recursive: true, force: true })

function benchDataset(dataset: RiskDataset) {
  for (const split of ['train', 'valid', 'test'] as const) writeSplitCsv(join(dir, `${dataset.name}-${split}.csv`), dataset.featureNames, dataset[split])
  const train = readSplitCsv(join(dir, `${dataset.name}-train.csv`))
  const test = readSplitCsv(join(dir, `${dataset.name}-test.csv`))

  const started = performance.now()
  const trained = trainGbdt({ rows: train.x, labels: train.y, featureNames: train.featureNames, options: OPTIONS })
  const trainSeconds = (performance.now() - started) / 1000
  if (!trained.ok) throw new Error(`${dataset.name}: training refused: ${trained.message}`)
  const predictions = predictProba(trained.model, test.x.values)
  const ours = { trainSeconds: round(trainSeconds, 3), predictRowsPerSecond: Math.round(predictThroughput(() => predictProba(trained.model, test.x.values), test.x.rows)), auc: round(auc(test.y, predictions), 5) }

  const xgb = runXgboost(dir, dataset.name, xgboostParams(), MIN_PREDICT_SECONDS)
  const base = { dataset: dataset.name, description: dataset.description, rows: { train: train.x.rows, valid: dataset.valid.x.rows, test: test.x.rows }, features: train.x.cols, testPositiveRate: round(mean(test.y), 4), ours }
  if (!xgb.available) {
    console.log(`${dataset.name}: ours AUC ${ours.auc}, train ${ours.trainSeconds}s, predict ${ours.predictRowsPerSecond} rows/s; XGBoost unavailable: ${xgb.reason}`)
    return { ...base, xgboost: { available: false, reason: xgb.reason }, targetsMet: null }
  }
  const xgboost = { version: xgb.version, trainSeconds: round(xgb.trainSeconds, 3), predictRowsPerSecond: Math.round(xgb.predictRowsPerSecond), auc: round(auc(test.y, readPredictions(xgb.predictionsPath)), 5) }
  const aucDifference = ours.auc - xgboost.auc
  const trainTimeRatio = trainSeconds / xgb.trainSeconds
  const predictThroughputRatio = ours.predictRowsPerSecond / xgb.predictRowsPerSecond
  const targetsMet = {
    auc: aucDifference >= -TARGETS.maxAucShortfall,
    trainTime: trainTimeRatio <= TARGETS.maxTrainTimeRatio,
    predictThroughput: predictThroughputRatio >= TARGETS.minPredictThroughputRatio,
    all: false,
  }
  targetsMet.all = targetsMet.auc && targetsMet.trainTime && targetsMet.predictThroughput
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED')
  console.log(
    `${dataset.name}: AUC ours ${ours.auc} vs ${xgboost.auc} (${aucDifference >= 0 ? '+' : ''}${round(aucDifference, 5)}, ${mark(targetsMet.auc)}); ` +
      `train ${ours.trainSeconds}s vs ${xgboost.trainSeconds}s (x${round(trainTimeRatio, 2)}, ${mark(targetsMet.trainTime)}); ` +
      `predict ${ours.predictRowsPerSecond} vs ${xgboost.predictRowsPerSecond} rows/s (x${round(predictThroughputRatio, 2)}, ${mark(targetsMet.predictThroughput)})`,
  )
  return {
    ...base,
    xgboost: { available: true, ...xgboost },
    aucDifference: round(aucDifference, 5),
    trainTimeRatio: round(trainTimeRatio, 3),
    predictThroughputRatio: round(predictThroughputRatio, 3),
    targetsMet,
  }
}

/** Rows per second over repeated whole-batch calls, after warm-up so the JIT has compiled the tree walk. */
function predictThroughput(predict: () => unknown, rows: number): number {
  for (let i = 0; i < 3; i++) predict()
  let reps = 0
  const started = performance.now()
  let elapsed = 0
  while (reps < 5 || elapsed < MIN_PREDICT_SECONDS * 1000) {
    predict()
    reps++
    elapsed = performance.now() - started
  }
  return (reps * rows) / (elapsed / 1000)
}

function xgboostParams() {
  return { trees: OPTIONS.trees!, maxDepth: OPTIONS.maxDepth!, learningRate: OPTIONS.learningRate!, maxBins: OPTIONS.maxBins!, lambda: OPTIONS.lambda!, minChildWeight: OPTIONS.minChildWeight! }
}

function mean(values: Float64Array): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}
