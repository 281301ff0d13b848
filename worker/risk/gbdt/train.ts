import { mulberry32 } from '../../generator/prng'
import type { Random } from '../../generator/prng'
import { binMatrix } from './bin-matrix'
import type { BinMatrix } from './bin-matrix'
import { buildBinning } from './binning'
import { checkDataset, inputError } from './dataset'
import type { DatasetInput, FeatureMatrix, GbdtInputError } from './dataset'
import { growTree } from './grow-tree'
import type { GrownTree } from './grow-tree'
import { HistogramPool } from './histogram'
import { featureImportance } from './importance'
import type { FeatureImportance } from './importance'
import { compileModel } from './model'
import type { GbdtModel } from './model'
import { GBDT_FORMAT, GBDT_VERSION } from './model-document'
import type { GbdtModelDocument } from './model-document'
import { checkOptions, DEFAULT_TRAIN_OPTIONS } from './train-options'
import type { TrainOptions } from './train-options'

export type TrainResult = {
  ok: true
  model: GbdtModel
  document: GbdtModelDocument
  /** Total split gain per feature over the kept trees, highest first. */
  importance: FeatureImportance[]
  /** Trees kept: the round with the best validation loss when early stopping, else all. */
  treesKept: number
  stoppedEarly: boolean
  /** Training log loss after each round, when recordTrainLoss asked for it; else empty. */
  trainLogLoss: number[]
  validationLogLoss: number[]
}

/** Training rows and labels, and optionally a validation set for early stopping and its loss curve. */
export type TrainDataset = DatasetInput & { validation?: DatasetInput }

/**
 * Gradient boosting of logistic loss. Deterministic for a given seed: every random draw comes from
 * seeded streams and every tie between splits is broken by position.
 */
export function train(dataset: TrainDataset, params: Partial<TrainOptions> = {}): TrainResult | GbdtInputError {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...params }
  const badOption = checkOptions(options, dataset.validation !== undefined)
  if (badOption) return badOption
  const training = checkDataset(dataset, 'training')
  if (!training.ok) return training
  const { x, y, featureNames } = training.data
  let valid: { x: FeatureMatrix; y: Float64Array } | null = null
  if (dataset.validation) {
    const checked = checkDataset({ ...dataset.validation, featureNames: dataset.validation.featureNames ?? featureNames }, 'validation')
    if (!checked.ok) return checked
    if (checked.data.featureNames.join('\u0000') !== featureNames.join('\u0000')) {
      return inputError('bad-feature-names', 'validation features must be the training features, in the same order')
    }
    valid = checked.data
  }

  // Separate streams, so that changing the bin sample size does not change which rows each tree sees.
  const binning = buildBinning(x, { maxBins: options.maxBins, sampleSize: options.binSampleSize, seed: options.seed ^ 0x5bd1e995 })
  const matrix = binMatrix(x, binning)
  if (matrix.cols === 0) {
    return inputError('constant-features', `every feature is constant (${featureNames.join(', ')}): there is nothing to learn a score from`)
  }
  const random = mulberry32(options.seed)
  const allColumns = Int32Array.from({ length: matrix.cols }, (_, c) => c)

  const n = x.rows
  let positives = 0
  for (let i = 0; i < n; i++) positives += y[i]!
  const baseScore = options.baseScore === null ? Math.log(positives / (n - positives)) : Math.log(options.baseScore / (1 - options.baseScore))
  const margin = new Float64Array(n).fill(baseScore)
  const validMargin = valid ? new Float64Array(valid.x.rows).fill(baseScore) : null
  const gh = new Float64Array(2 * n)
  const pool = new HistogramPool(matrix.totalBins)
  const rows = new Int32Array(n)
  const scratch = new Int32Array(n)
  const trees: GrownTree[] = []
  const trainLogLoss: number[] = []
  const validationLogLoss: number[] = []
  let best = { loss: Number.POSITIVE_INFINITY, round: -1 }
  let stoppedEarly = false

  for (let round = 0; round < options.trees; round++) {
    setGradients(margin, y, gh)
    const sampled = sampleRows(rows, options.subsample, random)
    const columns = sampleColumns(allColumns, options.colsampleByTree, random)
    const tree = growTree({ matrix, gh, rows: sampled, scratch, columns, pool, params: options })
    trees.push(tree)
    addToMargins(tree, matrix, sampled, margin)
    if (options.recordTrainLoss) trainLogLoss.push(meanLogLoss(margin, y))
    if (valid && validMargin) {
      for (let i = 0; i < valid.x.rows; i++) validMargin[i]! += tree.value[rawLeaf(tree, valid.x.values, i * valid.x.cols)]!
      const loss = meanLogLoss(validMargin, valid.y)
      validationLogLoss.push(loss)
      if (loss < best.loss) best = { loss, round }
      else if (options.earlyStoppingRounds > 0 && round - best.round >= options.earlyStoppingRounds) {
        stoppedEarly = true
        break
      }
    }
  }

  const kept = options.earlyStoppingRounds > 0 ? trees.slice(0, best.round + 1) : trees
  const document: GbdtModelDocument = {
    format: GBDT_FORMAT,
    version: GBDT_VERSION,
    objective: 'binary:logistic',
    featureNames,
    baseScore,
    trees: kept.map(({ feature, threshold, defaultLeft, left, right, value, cover, gain }) => ({ feature, threshold, defaultLeft, left, right, value, cover, gain })),
  }
  const model = compileModel(document)
  return {
    ok: true,
    model,
    document,
    importance: featureImportance(model),
    treesKept: kept.length,
    stoppedEarly,
    trainLogLoss,
    validationLogLoss,
  }
}

/** Logistic loss: gradient p - y and hessian p(1 - p) of each row at its current margin. */
function setGradients(margin: Float64Array, y: Float64Array, gh: Float64Array): void {
  for (let i = 0; i < margin.length; i++) {
    const p = 1 / (1 + Math.exp(-margin[i]!))
    gh[2 * i] = p - y[i]!
    // A floor keeps confident rows from making a leaf's denominator vanish when lambda is 0.
    gh[2 * i + 1] = Math.max(p * (1 - p), 1e-16)
  }
}

/** This round's rows, ascending; all of them (in order) without subsampling. */
function sampleRows(rows: Int32Array, share: number, random: Random): Int32Array {
  const n = rows.length
  if (share >= 1) {
    for (let i = 0; i < n; i++) rows[i] = i
    return rows
  }
  let k = 0
  for (let i = 0; i < n; i++) if (random.next() < share) rows[k++] = i
  if (k >= 2) return rows.subarray(0, k)
  // A tiny share of a tiny dataset can pick nothing; a tree of every row beats a tree of none.
  for (let i = 0; i < n; i++) rows[i] = i
  return rows
}

function sampleColumns(all: Int32Array, share: number, random: Random): Int32Array {
  if (share >= 1) return all
  const take = Math.max(1, Math.round(share * all.length))
  const pool = Int32Array.from(all)
  for (let i = 0; i < take; i++) {
    const k = i + Math.floor(random.next() * (pool.length - i))
    const t = pool[i]!
    pool[i] = pool[k]!
    pool[k] = t
  }
  // Ascending, so the first of equally good splits is the same whatever order the draw gave.
  return pool.subarray(0, take).sort()
}

/**
 * Adds the new tree's output to every training row's margin. The rows the tree saw already sit grouped
 * by leaf, so they take their leaf's value without a walk; only rows left out by subsampling walk it.
 */
function addToMargins(tree: GrownTree, matrix: BinMatrix, sampled: Int32Array, margin: Float64Array): void {
  if (sampled.length === margin.length) {
    for (let node = 0; node < tree.feature.length; node++) {
      if (tree.feature[node]! >= 0) continue
      const v = tree.value[node]!
      for (let i = tree.begin[node]!; i < tree.end[node]!; i++) margin[sampled[i]!]! += v
    }
    return
  }
  for (let row = 0; row < margin.length; row++) margin[row]! += tree.value[binnedLeaf(tree, matrix, row)]!
}

function binnedLeaf(tree: GrownTree, matrix: BinMatrix, row: number): number {
  let node = 0
  while (tree.feature[node]! >= 0) {
    const c = tree.column[node]!
    const k = matrix.bins[row * matrix.cols + c]! - matrix.offsets[c]!
    const goLeft = k === matrix.valueBins[c]! ? tree.defaultLeft[node] : k <= tree.bin[node]!
    node = goLeft ? tree.left[node]! : tree.right[node]!
  }
  return node
}

function rawLeaf(tree: GrownTree, values: Float64Array, offset: number): number {
  let node = 0
  while (tree.feature[node]! >= 0) {
    const v = values[offset + tree.feature[node]!]!
    const goLeft = v !== v ? tree.defaultLeft[node] : v <= tree.threshold[node]!
    node = goLeft ? tree.left[node]! : tree.right[node]!
  }
  return node
}

/** Log loss from margins, as softplus(m) - y*m: exact even where the probability rounds to 0 or 1. */
function meanLogLoss(margin: Float64Array, y: Float64Array): number {
  let sum = 0
  for (let i = 0; i < margin.length; i++) {
    const m = margin[i]!
    const softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))
    sum += softplus - y[i]! * m
  }
  return sum / margin.length
}
