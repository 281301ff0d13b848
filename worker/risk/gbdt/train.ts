import { mulberry32 } from '../../generator/prng'
import type { Random } from '../../generator/prng'
import { binMatrix, buildBinning } from './binning'
import type { BinnedMatrix, Binning } from './binning'
import { checkDataset, inputError } from './dataset'
import type { DatasetInput, FeatureMatrix, GbdtInputError } from './dataset'
import { growTree } from './grow-tree'
import type { GrownTree } from './grow-tree'
import { compileModel, GBDT_FORMAT, GBDT_VERSION } from './model'
import type { GbdtModel, GbdtModelDocument } from './model'

export type TrainOptions = {
  /** Boosting rounds; with early stopping, an upper bound. */
  trees: number
  /** Shrinkage: each tree's output is scaled by it, so later trees can correct earlier ones. */
  learningRate: number
  /** Deepest leaf (root at depth 0); 0 for no limit, which then needs maxLeaves. */
  maxDepth: number
  /** Leaves per tree, best gain first; 0 for no limit. */
  maxLeaves: number
  /** L2 penalty on leaf values. */
  lambda: number
  /** Least loss reduction a split must bring. */
  gamma: number
  /** Least hessian sum in a child: keeps leaves off a handful of confident rows. */
  minChildWeight: number
  /** Share of rows each tree sees. */
  subsample: number
  /** Share of features each tree may split on. */
  colsampleByTree: number
  /** Value bins per feature, 2 to 256. */
  maxBins: number
  /** Rows sampled to place bin edges. */
  binSampleSize: number
  seed: number
  /** Rounds without a better validation log loss before training stops; 0 for off. */
  earlyStoppingRounds: number
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  trees: 100,
  learningRate: 0.1,
  maxDepth: 6,
  maxLeaves: 0,
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  subsample: 1,
  colsampleByTree: 1,
  maxBins: 256,
  binSampleSize: 200_000,
  seed: 1,
  earlyStoppingRounds: 0,
}

export type FeatureImportance = { feature: string; gain: number; splits: number }

export type TrainResult = {
  ok: true
  model: GbdtModel
  document: GbdtModelDocument
  /** Total split gain per feature over the kept trees, highest first. */
  importance: FeatureImportance[]
  /** Trees kept: the round with the best validation loss when early stopping, else all. */
  treesKept: number
  stoppedEarly: boolean
  trainLogLoss: number[]
  validationLogLoss: number[]
}

export type TrainGbdtInput = DatasetInput & { validation?: DatasetInput; options?: Partial<TrainOptions> }

export function trainGbdt(input: TrainGbdtInput): TrainResult | GbdtInputError {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...input.options }
  const badOption = checkOptions(options, input.validation !== undefined)
  if (badOption) return badOption
  const training = checkDataset(input, 'training')
  if (!training.ok) return training
  const { x, y, featureNames } = training.data
  let valid: { x: FeatureMatrix; y: Float64Array } | null = null
  if (input.validation) {
    const checked = checkDataset({ ...input.validation, featureNames: input.validation.featureNames ?? featureNames }, 'validation')
    if (!checked.ok) return checked
    if (checked.data.featureNames.join('\u0000') !== featureNames.join('\u0000')) {
      return inputError('bad-feature-names', 'validation features must be the training features, in the same order')
    }
    valid = checked.data
  }

  // Separate streams, so that changing the bin sample size does not change which rows each tree sees.
  const binning = buildBinning(x, { maxBins: options.maxBins, sampleSize: options.binSampleSize, seed: options.seed ^ 0x5bd1e995 })
  const binned = binMatrix(x, binning)
  const random = mulberry32(options.seed)
  const usable = Int32Array.from(binning.features.flatMap((f, j) => (f.constant ? [] : [j])))

  const n = x.rows
  const positives = y.reduce((s, v) => s + v, 0)
  const baseScore = Math.log(positives / (n - positives))
  const margin = new Float64Array(n).fill(baseScore)
  const validMargin = valid ? new Float64Array(valid.x.rows).fill(baseScore) : null
  const grad = new Float64Array(n)
  const hess = new Float64Array(n)
  const trees: GrownTree[] = []
  const trainLogLoss: number[] = []
  const validationLogLoss: number[] = []
  let best = { loss: Number.POSITIVE_INFINITY, round: -1 }
  let stoppedEarly = false
  const params = { ...options }

  for (let round = 0; round < options.trees; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!))
      grad[i] = p - y[i]!
      // A floor keeps confident rows from making a leaf's denominator vanish when lambda is 0.
      hess[i] = Math.max(p * (1 - p), 1e-16)
    }
    const rows = sampleRows(n, options.subsample, random)
    const features = sampleFeatures(usable, options.colsampleByTree, random)
    const tree = growTree({ binned, binning, grad, hess, rows, features, params })
    trees.push(tree)
    for (let i = 0; i < n; i++) margin[i]! += tree.value[binnedLeaf(tree, binned, binning, i)]!
    trainLogLoss.push(meanLogLoss(margin, y))
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
    trees: kept.map(({ feature, threshold, defaultLeft, left, right, value, cover }) => ({ feature, threshold, defaultLeft, left, right, value, cover })),
  }
  return {
    ok: true,
    model: compileModel(document),
    document,
    importance: gainImportance(kept, featureNames),
    treesKept: kept.length,
    stoppedEarly,
    trainLogLoss,
    validationLogLoss,
  }
}

function checkOptions(o: TrainOptions, hasValidation: boolean): GbdtInputError | null {
  const rules: [keyof TrainOptions, boolean, string][] = [
    ['trees', Number.isInteger(o.trees) && o.trees >= 1, 'a whole number >= 1'],
    ['learningRate', o.learningRate > 0 && o.learningRate <= 1, 'in (0, 1]'],
    ['maxDepth', Number.isInteger(o.maxDepth) && o.maxDepth >= 0, 'a whole number >= 0'],
    ['maxLeaves', Number.isInteger(o.maxLeaves) && (o.maxLeaves === 0 || o.maxLeaves >= 2), '0 or a whole number >= 2'],
    ['lambda', o.lambda >= 0 && Number.isFinite(o.lambda), 'a finite number >= 0'],
    ['gamma', o.gamma >= 0 && Number.isFinite(o.gamma), 'a finite number >= 0'],
    ['minChildWeight', o.minChildWeight >= 0 && Number.isFinite(o.minChildWeight), 'a finite number >= 0'],
    ['subsample', o.subsample > 0 && o.subsample <= 1, 'in (0, 1]'],
    ['colsampleByTree', o.colsampleByTree > 0 && o.colsampleByTree <= 1, 'in (0, 1]'],
    ['maxBins', Number.isInteger(o.maxBins) && o.maxBins >= 2 && o.maxBins <= 256, 'a whole number from 2 to 256'],
    ['binSampleSize', Number.isInteger(o.binSampleSize) && o.binSampleSize >= 2, 'a whole number >= 2'],
    ['seed', Number.isSafeInteger(o.seed), 'a whole number'],
    ['earlyStoppingRounds', Number.isInteger(o.earlyStoppingRounds) && o.earlyStoppingRounds >= 0, 'a whole number >= 0'],
  ]
  for (const [name, ok, expected] of rules) {
    if (!ok) return inputError('bad-option', `option ${name} must be ${expected}, got ${String(o[name])}`)
  }
  if (o.maxDepth === 0 && o.maxLeaves === 0) return inputError('bad-option', 'set maxDepth or maxLeaves: trees need a size limit')
  if (o.earlyStoppingRounds > 0 && !hasValidation) return inputError('bad-option', 'early stopping needs a validation set')
  return null
}

function sampleRows(n: number, share: number, random: Random): Int32Array {
  if (share >= 1) return Int32Array.from({ length: n }, (_, i) => i)
  const picked: number[] = []
  for (let i = 0; i < n; i++) if (random.next() < share) picked.push(i)
  // A tiny share of a tiny dataset can pick nothing; a tree of every row beats a tree of none.
  return picked.length >= 2 ? Int32Array.from(picked) : Int32Array.from({ length: n }, (_, i) => i)
}

function sampleFeatures(usable: Int32Array, share: number, random: Random): Int32Array {
  if (share >= 1 || usable.length === 0) return usable
  const take = Math.max(1, Math.round(share * usable.length))
  const pool = Int32Array.from(usable)
  for (let i = 0; i < take; i++) {
    const k = i + Math.floor(random.next() * (pool.length - i))
    const t = pool[i]!
    pool[i] = pool[k]!
    pool[k] = t
  }
  // Ascending, so the first of equally good splits is the same whatever order the draw gave.
  return pool.subarray(0, take).sort()
}

function binnedLeaf(tree: GrownTree, binned: BinnedMatrix, binning: Binning, row: number): number {
  let node = 0
  while (tree.feature[node]! >= 0) {
    const f = tree.feature[node]!
    const b = binned.bins[f * binned.rows + row]!
    const goLeft = b === binning.features[f]!.edges.length + 1 ? tree.defaultLeft[node] : b <= tree.bin[node]!
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

function gainImportance(trees: GrownTree[], featureNames: string[]): FeatureImportance[] {
  const gain = new Float64Array(featureNames.length)
  const splits = new Int32Array(featureNames.length)
  for (const tree of trees) {
    for (let i = 0; i < tree.feature.length; i++) {
      const f = tree.feature[i]!
      if (f < 0) continue
      gain[f]! += tree.gain[i]!
      splits[f]!++
    }
  }
  return featureNames
    .map((feature, j) => ({ feature, gain: gain[j]!, splits: splits[j]! }))
    .sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature))
}
