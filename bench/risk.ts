import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { auc, predict, train } from '../worker/risk/gbdt'
import type { TrainOptions, TrainResult } from '../worker/risk/gbdt'
import { machineInfo, round, writeResults } from './support/results'
import { readPredictions, readSplitCsv, writeSplitCsv } from './support/risk-csv'
import { classificationDataset, claimsDataset } from './support/risk-datasets'
import type { RiskDataset } from './support/risk-datasets'
import { singleRowLatency } from './support/risk-latency'
import { workerdScoring } from './support/risk-workerd'
import { runXgboost } from './support/risk-xgboost'

/**
 * Risk model benchmark: our GBDT trainer against XGBoost (hist, one thread) on the same CSV files with
 * the same trees, depth, learning rate, bins, lambda, min_child_weight and starting score (the training
 * base rate), no subsampling, no early stopping on either side (both report the trees they built). The
 * claims AUC difference between two such trainers moves by about 0.004 from seed to seed (the models fit
 * noise differently after 100 or so rounds), so one run's figure is one draw. Targets from the
 * issue: AUC at most 0.002 below XGBoost's, training at most 2x its time, prediction throughput at
 * least its own, one claim scored (prediction and TreeSHAP reasons) under 1 ms at p99.
 *
 * What is timed, the same way on both sides:
 * - not timed: process start, imports, writing and parsing the CSV files, and (ours) collecting the
 *   garbage the dataset generation left in this process; both sides train and predict from numbers
 *   already in memory (ours a row-major Float64Array, XGBoost's a NumPy array);
 * - training: the library's whole training call (ours: train(), which checks the data, bins it and
 *   boosts; XGBoost: DMatrix construction and xgb.train), run TRAIN_REPEATS times in a row, median
 *   wall seconds compared. Our first run also pays for the JIT compiling the trainer, so it is reported
 *   on its own as coldTrainSeconds; process CPU seconds are reported beside wall seconds, because the
 *   machine may be shared (their ratio is reported as trainCpuTimeRatio; the target is judged on wall);
 * - prediction: whole-batch probabilities for the test rows (ours: predict(); XGBoost: inplace_predict
 *   with one thread), three warm-up calls, then repeated for at least MIN_PREDICT_SECONDS;
 * - single-row latency (ours only): predictOne, and predictOne plus treeShap, each call timed alone,
 *   wall and process CPU time (the target is judged on wall p99);
 * - in the Worker (workerd, bench/support/risk-workerd.ts): the product's scoreWithModel (prediction,
 *   calibration, TreeSHAP, reasons in words) on engine claims with a model trained with the registry's
 *   defaults, each claim scored 50 times in a row because workerd's clock moves in whole milliseconds.
 * AUC of both is computed by our auc() on the test rows, XGBoost's from the predictions it wrote.
 * Run: npm run bench:risk (BENCH_RISK_ROWS=50000, BENCH_RISK_CLAIMS=40000, BENCH_RISK_SEED, BENCH_RISK_KEEP=1 keeps the CSVs).
 */

const SEED = Number(process.env.BENCH_RISK_SEED ?? 20_261_122)
const CLASSIFICATION_ROWS = Number(process.env.BENCH_RISK_ROWS ?? 50_000)
const CLAIM_ROWS = Number(process.env.BENCH_RISK_CLAIMS ?? 40_000)
const MIN_PREDICT_SECONDS = 1
const TRAIN_REPEATS = 3
const LATENCY_CALLS = 5000
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
  // Both start every row at the training base rate (our default; XGBoost is given it as base_score, as
  // XGBoost 2 would estimate it), so both boost from the same point. XGBoost 1.x's own default is 0.5.
  baseScore: null,
  earlyStoppingRounds: 0,
  seed: 1,
}
/** Claims scored in workerd for the in-Worker latency figure. */
const WORKERD_CLAIMS = 1_000
const TARGETS = { maxAucShortfall: 0.002, maxTrainTimeRatio: 2, minPredictThroughputRatio: 1, maxScoreP99Ms: 1 }

// The datasets are generated in this process (the claims engine leaves hundreds of thousands of objects
// behind); collecting that garbage before each timed run keeps its cleanup out of the trainer's time.
// XGBoost runs in a fresh process and has no such leftovers.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const dir = mkdtempSync(join(tmpdir(), 'bench-risk-'))
const datasets = [classificationDataset(CLASSIFICATION_ROWS, SEED), claimsDataset(CLAIM_ROWS, SEED)]
const results = datasets.map(benchDataset)
const inWorker = await workerdScoring(WORKERD_CLAIMS)
const inWorkerMet = inWorker.p99Ms < TARGETS.maxScoreP99Ms
console.log(`workerd: scoring one claim (features in hand, model v1 of ${inWorker.model.trees} trees) mean ${inWorker.meanMs} ms, p99 ${inWorker.p99Ms} ms over ${inWorker.claims} claims (${inWorkerMet ? 'met' : 'MISSED'})`)

writeResults('risk', {
  benchmark: 'risk',
  seed: SEED,
  params: { ...OPTIONS, xgboost: { tree_method: 'hist', nthread: 1, missing: 'NaN', base_score: 'training base rate, as ours' } },
  timing: { trainRepeats: TRAIN_REPEATS, trainCompared: 'median wall seconds', predictMinSeconds: MIN_PREDICT_SECONDS, latencyCalls: LATENCY_CALLS },
  targets: TARGETS,
  allTargetsMet: results.every((r) => r.targetsMet?.all === true) && inWorkerMet,
  datasets: results,
  workerdScoring: { ...inWorker, what: 'scoreWithModel in workerd: prediction, calibration, TreeSHAP and reasons, D1 reads excluded', targetMet: inWorkerMet },
  machine: machineInfo({ predictMinSeconds: MIN_PREDICT_SECONDS }),
})
if (process.env.BENCH_RISK_KEEP) console.log(`CSV files kept in ${dir}`)
else rmSync(dir, { recursive: true, force: true })

function benchDataset(dataset: RiskDataset) {
  for (const split of ['train', 'valid', 'test'] as const) writeSplitCsv(join(dir, `${dataset.name}-${split}.csv`), dataset.featureNames, dataset[split])
  const trainSplit = readSplitCsv(join(dir, `${dataset.name}-train.csv`))
  const test = readSplitCsv(join(dir, `${dataset.name}-test.csv`))

  const wall: number[] = []
  const cpu: number[] = []
  let trained: TrainResult | null = null
  for (let r = 0; r < TRAIN_REPEATS; r++) {
    collectGarbage()
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    const result = train({ rows: trainSplit.x, labels: trainSplit.y, featureNames: trainSplit.featureNames }, OPTIONS)
    const used = process.cpuUsage(cpuStarted)
    wall.push((performance.now() - started) / 1000)
    cpu.push((used.user + used.system) / 1e6)
    if (!result.ok) throw new Error(`${dataset.name}: training refused: ${result.message}`)
    trained = result
  }
  const model = trained!.model
  const predictions = predict(model, test.x)
  const latency = singleRowLatency(model, test.x, LATENCY_CALLS)
  const ours = {
    trees: trained!.treesKept,
    trainSeconds: round(median(wall), 3),
    coldTrainSeconds: round(wall[0]!, 3),
    trainRunsSeconds: wall.map((s) => round(s, 3)),
    trainCpuSeconds: round(median(cpu), 3),
    predictRowsPerSecond: Math.round(predictThroughput(() => predict(model, test.x), test.x.rows)),
    auc: round(auc(test.y, predictions), 5),
    singleRow: latency,
  }

  const xgb = runXgboost(dir, dataset.name, xgboostParams(mean(trainSplit.y)), MIN_PREDICT_SECONDS, TRAIN_REPEATS)
  const base = { dataset: dataset.name, description: dataset.description, rows: { train: trainSplit.x.rows, valid: dataset.valid.x.rows, test: test.x.rows }, features: trainSplit.x.cols, testPositiveRate: round(mean(test.y), 4), ours }
  const scoreP99 = latency.predictAndShap.p99Ms
  if (!xgb.available) {
    console.log(`${dataset.name}: ours AUC ${ours.auc}, train ${ours.trainSeconds}s, predict ${ours.predictRowsPerSecond} rows/s; XGBoost unavailable: ${xgb.reason}`)
    return { ...base, xgboost: { available: false, reason: xgb.reason }, targetsMet: null }
  }
  const xgboost = {
    version: xgb.version,
    trees: xgb.trees,
    trainSeconds: round(median(xgb.trainSeconds), 3),
    trainRunsSeconds: xgb.trainSeconds.map((s) => round(s, 3)),
    trainCpuSeconds: round(median(xgb.trainCpuSeconds), 3),
    predictRowsPerSecond: Math.round(xgb.predictRowsPerSecond),
    auc: round(auc(test.y, readPredictions(xgb.predictionsPath)), 5),
  }
  if (xgboost.trees !== ours.trees) throw new Error(`${dataset.name}: XGBoost built ${xgboost.trees} trees, ours ${ours.trees}: not comparable`)
  const aucDifference = ours.auc - xgboost.auc
  const trainTimeRatio = median(wall) / median(xgb.trainSeconds)
  const predictThroughputRatio = ours.predictRowsPerSecond / xgboost.predictRowsPerSecond
  const targetsMet = {
    auc: aucDifference >= -TARGETS.maxAucShortfall,
    trainTime: trainTimeRatio <= TARGETS.maxTrainTimeRatio,
    predictThroughput: predictThroughputRatio >= TARGETS.minPredictThroughputRatio,
    scoreLatency: scoreP99 < TARGETS.maxScoreP99Ms,
    all: false,
  }
  targetsMet.all = targetsMet.auc && targetsMet.trainTime && targetsMet.predictThroughput && targetsMet.scoreLatency
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED')
  console.log(
    `${dataset.name}: AUC ours ${ours.auc} vs ${xgboost.auc} (${aucDifference >= 0 ? '+' : ''}${round(aucDifference, 5)}, ${mark(targetsMet.auc)}); ` +
      `train ${ours.trainSeconds}s vs ${xgboost.trainSeconds}s (x${round(trainTimeRatio, 2)}, ${mark(targetsMet.trainTime)}; cold ${ours.coldTrainSeconds}s; CPU x${round(median(cpu) / median(xgb.trainCpuSeconds), 2)}); ` +
      `predict ${ours.predictRowsPerSecond} vs ${xgboost.predictRowsPerSecond} rows/s (x${round(predictThroughputRatio, 2)}, ${mark(targetsMet.predictThroughput)}); ` +
      `one row p99 ${latency.predict.p99Ms} ms, with SHAP ${scoreP99} ms (${mark(targetsMet.scoreLatency)}; CPU p99 ${latency.predictAndShap.cpuP99Ms} ms)`,
  )
  return {
    ...base,
    xgboost: { available: true, ...xgboost },
    aucDifference: round(aucDifference, 5),
    trainTimeRatio: round(trainTimeRatio, 3),
    coldTrainTimeRatio: round(wall[0]! / median(xgb.trainSeconds), 3),
    trainCpuTimeRatio: round(median(cpu) / median(xgb.trainCpuSeconds), 3),
    predictThroughputRatio: round(predictThroughputRatio, 3),
    targetsMet,
  }
}

/** Rows per second over repeated whole-batch calls, after warm-up so the JIT has compiled the tree walk. */
function predictThroughput(run: () => unknown, rows: number): number {
  for (let i = 0; i < 3; i++) run()
  let reps = 0
  const started = performance.now()
  let elapsed = 0
  while (reps < 5 || elapsed < MIN_PREDICT_SECONDS * 1000) {
    run()
    reps++
    elapsed = performance.now() - started
  }
  return (reps * rows) / (elapsed / 1000)
}

function xgboostParams(baseRate: number) {
  return {
    trees: OPTIONS.trees!,
    maxDepth: OPTIONS.maxDepth!,
    learningRate: OPTIONS.learningRate!,
    maxBins: OPTIONS.maxBins!,
    lambda: OPTIONS.lambda!,
    minChildWeight: OPTIONS.minChildWeight!,
    baseScore: OPTIONS.baseScore === null ? baseRate : (OPTIONS.baseScore ?? null),
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function mean(values: Float64Array): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}
