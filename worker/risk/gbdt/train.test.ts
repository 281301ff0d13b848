import { describe, expect, it } from 'vitest'
import { auc } from './metrics'
import { featureImportance } from './importance'
import { predict, predictOne } from './predict'
import { makeClassification, makeLinear, makeXor, sliceRows } from './synthetic-data'
import type { SyntheticData } from './synthetic-data'
import { train as trainModel } from './train'
import type { TrainDataset, TrainResult } from './train'
import type { TrainOptions } from './train-options'

function train(data: SyntheticData, options: Partial<TrainOptions> = {}, validation?: SyntheticData): TrainResult {
  const result = trainModel(
    { rows: data.x, labels: data.y, featureNames: data.featureNames, ...(validation ? { validation: { rows: validation.x, labels: validation.y } } : {}) },
    options,
  )
  if (!result.ok) throw new Error(result.message)
  return result
}

function heldOutAuc(result: TrainResult, test: SyntheticData): number {
  return auc(test.y, predict(result.model, test.x))
}

describe('train', () => {
  it('learns an XOR boundary that no single feature shows', () => {
    const data = makeXor(3000, 7)
    const result = train(sliceRows(data, 0, 2000), { trees: 40, maxDepth: 3 })
    expect(heldOutAuc(result, sliceRows(data, 2000, 3000))).toBeGreaterThan(0.95)
    expect(result.treesKept).toBe(40)
  })

  it('learns a linear boundary', () => {
    const data = makeLinear(3000, 3)
    const result = train(sliceRows(data, 0, 2000), { trees: 60, maxDepth: 3, recordTrainLoss: true })
    expect(heldOutAuc(result, sliceRows(data, 2000, 3000))).toBeGreaterThan(0.95)
    // Training loss goes down round after round with logistic gradients.
    expect(result.trainLogLoss[59]!).toBeLessThan(result.trainLogLoss[0]!)
  })

  it('grows leaf-limited trees best gain first', () => {
    const data = makeLinear(2000, 11)
    const result = train(sliceRows(data, 0, 1500), { trees: 30, maxDepth: 0, maxLeaves: 4 })
    for (const tree of result.document.trees) expect(tree.feature.filter((f) => f === -1).length).toBeLessThanOrEqual(4)
    expect(heldOutAuc(result, sliceRows(data, 1500, 2000))).toBeGreaterThan(0.95)
  })

  it('gives identical JSON for the same seed, with row and column subsampling, and differs for another seed', () => {
    const data = makeClassification({ rows: 1500, informative: 3, redundant: 2, noise: 3, clustersPerClass: 2, classSep: 1, flip: 0.02, seed: 5 })
    const options = { trees: 15, maxDepth: 4, subsample: 0.7, colsampleByTree: 0.6, seed: 42, maxBins: 32, binSampleSize: 500 }
    const a = JSON.stringify(train(data, options).document)
    const b = JSON.stringify(train(data, options).document)
    const c = JSON.stringify(train(data, { ...options, seed: 43 }).document)
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })

  it('routes missing values by the default it learned, to either side', () => {
    // Present values: positive above 0.5. Missing values: positive in one dataset, negative in its mirror.
    const trainFor = (missingLabel: number) => {
      const rows: (number | null)[][] = []
      const labels: number[] = []
      for (let i = 0; i < 400; i++) {
        const missing = i % 4 === 0
        const v = ((i * 37) % 100) / 50 - 1
        rows.push([missing ? null : v, (i % 7) / 7])
        labels.push(missing ? missingLabel : v > 0.5 ? 1 : 0)
      }
      const result = trainModel({ rows, labels, featureNames: ['x', 'other'] }, { trees: 20, maxDepth: 2, learningRate: 0.3 })
      if (!result.ok) throw new Error(result.message)
      return result
    }
    const missingPositive = trainFor(1)
    expect(missingPositive.document.trees[0]!.feature[0]).toBe(0)
    expect(predictOne(missingPositive.model, [Number.NaN, 0.5])).toBeGreaterThan(0.9)
    expect(predictOne(missingPositive.model, [-0.5, 0.5])).toBeLessThan(0.1)
    expect(predictOne(missingPositive.model, [0.9, 0.5])).toBeGreaterThan(0.9)
    const missingNegative = trainFor(0)
    expect(predictOne(missingNegative.model, [Number.NaN, 0.5])).toBeLessThan(0.1)
    expect(predictOne(missingNegative.model, [0.9, 0.5])).toBeGreaterThan(0.9)
    // Both directions occur among the learned splits on x across the two models.
    const defaults = [missingPositive, missingNegative].flatMap((r) => r.document.trees.flatMap((t) => t.defaultLeft.filter((_, i) => t.feature[i] === 0)))
    expect(new Set(defaults)).toEqual(new Set([true, false]))
  })

  it('stops early when validation loss stops improving and keeps the best round', () => {
    const data = makeClassification({ rows: 1200, informative: 2, redundant: 0, noise: 6, clustersPerClass: 1, classSep: 0.6, flip: 0.2, seed: 9 })
    const result = train(sliceRows(data, 0, 600), { trees: 300, maxDepth: 6, learningRate: 0.3, minChildWeight: 0, lambda: 0, earlyStoppingRounds: 5 }, sliceRows(data, 600, 1200))
    expect(result.stoppedEarly).toBe(true)
    expect(result.validationLogLoss.length).toBeLessThan(300)
    expect(result.validationLogLoss.length).toBe(result.treesKept + 5)
    const best = Math.min(...result.validationLogLoss)
    expect(result.validationLogLoss[result.treesKept - 1]).toBe(best)
    expect(result.document.trees).toHaveLength(result.treesKept)
  })

  it('ranks the informative feature first by gain', () => {
    const data = makeLinear(1500, 21)
    const result = train(data, { trees: 20, maxDepth: 3 })
    expect(result.importance.map((i) => i.feature).slice(0, 2)).toEqual(['a', 'b'])
    expect(result.importance[0]!.gain).toBeGreaterThan(5 * result.importance[2]!.gain)
    // The same figures come back from the stored model alone.
    expect(featureImportance(result.model)).toEqual(result.importance)
    expect(result.importance.reduce((s, i) => s + i.splits, 0)).toBe(result.document.trees.reduce((s, t) => s + t.feature.filter((f) => f >= 0).length, 0))
  })

  it('honours gamma (least split gain) and minChildWeight (least leaf cover)', () => {
    const data = makeLinear(600, 8)
    const stumps = train(data, { trees: 3, gamma: 1e6 })
    for (const tree of stumps.document.trees) expect(tree.feature).toEqual([-1])
    const heavy = train(data, { trees: 5, maxDepth: 8, minChildWeight: 20 })
    for (const tree of heavy.document.trees) {
      tree.feature.forEach((f, i) => f === -1 && expect(tree.cover[i]!).toBeGreaterThanOrEqual(20))
    }
  })

  it('skips constant features and still trains', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [3, i % 10, null])
    const labels = rows.map((r) => (r[1]! >= 5 ? 1 : 0))
    const result = trainModel({ rows, labels }, { trees: 5, maxDepth: 2 })
    if (!result.ok) throw new Error(result.message)
    const used = new Set(result.document.trees.flatMap((t) => t.feature.filter((f) => f >= 0)))
    expect([...used]).toEqual([1])
  })

  it('allows one constant feature beside others: it never splits and gets no importance', () => {
    const data = makeLinear(800, 13)
    const cols = data.x.cols + 1
    const values = new Float64Array(data.x.rows * cols)
    for (let i = 0; i < data.x.rows; i++) {
      values[i * cols] = 42
      values.set(data.x.values.subarray(i * data.x.cols, (i + 1) * data.x.cols), i * cols + 1)
    }
    const result = trainModel({ rows: { values, rows: data.x.rows, cols }, labels: data.y, featureNames: ['flat', ...data.featureNames] }, { trees: 10, maxDepth: 3 })
    if (!result.ok) throw new Error(result.message)
    expect(result.document.trees.some((t) => t.feature.includes(0))).toBe(false)
    expect(result.importance.find((i) => i.feature === 'flat')).toEqual({ feature: 'flat', gain: 0, splits: 0 })
    expect(result.importance[0]!.feature).toBe('a')
  })

  it('records the training loss only when asked, and starts from the base score it was given', () => {
    const data = makeLinear(400, 2)
    expect(train(data, { trees: 3 }).trainLogLoss).toEqual([])
    expect(train(data, { trees: 3, recordTrainLoss: true }).trainLogLoss).toHaveLength(3)
    expect(train(data, { trees: 1, baseScore: 0.5 }).document.baseScore).toBe(0)
    const prior = data.y.reduce((s, v) => s + v, 0) / data.y.length
    expect(train(data, { trees: 1 }).document.baseScore).toBeCloseTo(Math.log(prior / (1 - prior)), 12)
  })
})

describe('train refuses bad input with a reason', () => {
  const ok = { rows: [[1], [2], [3]], labels: [0, 1, 0] }
  const cases: [string, TrainDataset & { options?: Partial<TrainOptions> }, string, Record<string, unknown>?][] = [
    ['no positives', { rows: [[1], [2]], labels: [0, 0] }, 'no-positives'],
    ['no negatives', { rows: [[1], [2]], labels: [1, 1] }, 'no-negatives'],
    ['one row', { rows: [[1]], labels: [1] }, 'too-few-rows'],
    ['NaN label', { rows: ok.rows, labels: [0, Number.NaN, 1] }, 'bad-label', { row: 1 }],
    ['label 2', { rows: ok.rows, labels: [0, 2, 1] }, 'bad-label', { row: 1 }],
    ['infinite feature', { rows: [[1, 2], [2, Number.NEGATIVE_INFINITY], [3, 1]], labels: [0, 1, 0], featureNames: ['a', 'billed'] }, 'infinite-feature', { row: 1, column: 'billed' }],
    ['labels and rows differ', { rows: ok.rows, labels: [0, 1] }, 'length-mismatch'],
    ['ragged rows', { rows: [[1, 2], [2], [3, 4]], labels: [0, 1, 0] }, 'length-mismatch', { row: 1 }],
    ['names and columns differ', { ...ok, featureNames: ['a', 'b'] }, 'length-mismatch'],
    ['duplicate names', { rows: [[1, 2], [2, 3], [3, 4]], labels: [0, 1, 0], featureNames: ['a', 'a'] }, 'bad-feature-names'],
    ['all features constant', { rows: [[1, 5], [1, 5], [1, 5]], labels: [0, 1, 0], featureNames: ['a', 'b'] }, 'constant-features'],
    ['all features missing', { rows: [[null], [null], [null]], labels: [0, 1, 0] }, 'constant-features'],
    ['no feature columns', { rows: [[], [], []], labels: [0, 1, 0] }, 'no-features'],
    ['positive infinity', { rows: [[1], [Number.POSITIVE_INFINITY], [3]], labels: [0, 1, 0], featureNames: ['billed'] }, 'infinite-feature', { row: 1, column: 'billed' }],
    ['label true', { rows: ok.rows, labels: [0, true as unknown as number, 1] }, 'bad-label', { row: 1 }],
    ['empty validation set', { ...ok, validation: { rows: [], labels: [] } }, 'too-few-rows'],
    ['bad option', { ...ok, options: { maxBins: 1000 } }, 'bad-option'],
    ['bad base score', { ...ok, options: { baseScore: 1 } }, 'bad-option'],
    ['early stopping without validation', { ...ok, options: { earlyStoppingRounds: 5 } }, 'bad-option'],
    ['validation with other columns', { ...ok, validation: { rows: [[1, 2]], labels: [1] } }, 'length-mismatch'],
    ['validation with other names', { ...ok, validation: { rows: [[1]], labels: [1], featureNames: ['z'] } }, 'bad-feature-names'],
    ['NaN in validation labels', { ...ok, validation: { rows: [[1]], labels: [Number.NaN] } }, 'bad-label'],
  ]
  for (const [name, input, reason, at] of cases) {
    it(name, () => {
      const result = trainModel(input, input.options)
      expect(result).toMatchObject({ ok: false, reason, ...at })
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10)
    })
  }

  it('treats NaN, null and undefined features as missing, not as errors', () => {
    const result = trainModel({ rows: [[Number.NaN], [null], [undefined], [1], [2]], labels: [1, 1, 1, 0, 0] }, { trees: 3, minChildWeight: 0 })
    expect(result.ok).toBe(true)
  })
})
