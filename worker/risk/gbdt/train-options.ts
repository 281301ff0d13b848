import { inputError } from './dataset'
import type { GbdtInputError } from './dataset'

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
  /**
   * Starting probability of every row, before the first tree; null starts from the training base rate.
   * 0.5 (a margin of zero) is the common library default.
   */
  baseScore: number | null
  seed: number
  /** Rounds without a better validation log loss before training stops; 0 for off. */
  earlyStoppingRounds: number
  /** Log loss on the training rows after every round: a logarithm per row per round, so off unless wanted. */
  recordTrainLoss: boolean
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
  baseScore: null,
  seed: 1,
  earlyStoppingRounds: 0,
  recordTrainLoss: false,
}

export function checkOptions(o: TrainOptions, hasValidation: boolean): GbdtInputError | null {
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
    ['baseScore', o.baseScore === null || (o.baseScore > 0 && o.baseScore < 1), 'null or a probability in (0, 1)'],
    ['seed', Number.isSafeInteger(o.seed), 'a whole number'],
    ['earlyStoppingRounds', Number.isInteger(o.earlyStoppingRounds) && o.earlyStoppingRounds >= 0, 'a whole number >= 0'],
    ['recordTrainLoss', typeof o.recordTrainLoss === 'boolean', 'true or false'],
  ]
  for (const [name, ok, expected] of rules) {
    if (!ok) return inputError('bad-option', `option ${name} must be ${expected}, got ${String(o[name])}`)
  }
  if (o.maxDepth === 0 && o.maxLeaves === 0) return inputError('bad-option', 'set maxDepth or maxLeaves: trees need a size limit')
  if (o.earlyStoppingRounds > 0 && !hasValidation) return inputError('bad-option', 'early stopping needs a validation set')
  return null
}
