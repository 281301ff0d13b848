import { describe, expect, it } from 'vitest'
import { childFor } from './model'
import type { GbdtModel } from './model'
import { predictMarginOne } from './predict'
import { makeClassification } from './synthetic-data'
import { train } from './train'
import { buildShapTables } from './shap-tables'
import { prepareTreeShap, treeShap } from './treeshap'
import { treeShapRecursive } from './treeshap-recursive'

function trained(rows: number, informative: number, noise: number, options: Record<string, number>): { model: GbdtModel; values: Float64Array; cols: number } {
  const data = makeClassification({ rows, informative, redundant: 0, noise, clustersPerClass: 2, classSep: 1, flip: 0.05, seed: 17 })
  for (let k = 5; k < data.x.values.length; k += 11) data.x.values[k] = Number.NaN
  const result = train({ rows: data.x, labels: data.y }, options)
  if (!result.ok) throw new Error(result.message)
  return { model: result.model, values: data.x.values, cols: data.x.cols }
}

/** The tree's output when only the features in `known` are given: the others averaged out by cover. */
function conditional(model: GbdtModel, node: number, row: ArrayLike<number>, known: Set<number>): number {
  const f = model.feature[node]!
  if (f < 0) return model.value[node]!
  if (known.has(f)) return conditional(model, childFor(model, node, row[f]!), row, known)
  const l = model.left[node]!
  const r = l + 1
  return (model.cover[l]! * conditional(model, l, row, known) + model.cover[r]! * conditional(model, r, row, known)) / model.cover[node]!
}

function ensemble(model: GbdtModel, row: ArrayLike<number>, known: Set<number>): number {
  let sum = model.baseScore
  for (const root of model.roots) sum += conditional(model, root, row, known)
  return sum
}

/** Shapley values by definition: every subset of the other features, weighted |S|! (M-|S|-1)! / M!. */
function bruteForceShap(model: GbdtModel, row: ArrayLike<number>): number[] {
  const m = model.featureNames.length
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1))
  const phi = new Array<number>(m).fill(0)
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue
      const subset = new Set<number>()
      for (let j = 0; j < m; j++) if (mask & (1 << j)) subset.add(j)
      const weight = (factorial(subset.size) * factorial(m - subset.size - 1)) / factorial(m)
      const without = ensemble(model, row, subset)
      subset.add(i)
      phi[i]! += weight * (ensemble(model, row, subset) - without)
    }
  }
  return phi
}

describe('treeShap', () => {
  it('contributions plus bias add up to the margin on many rows, missing values included', () => {
    const { model, values, cols } = trained(1000, 4, 3, { trees: 25, maxDepth: 5 })
    // Preparing ahead is optional and changes nothing but when the tables are built.
    prepareTreeShap(model)
    let worst = 0
    for (let i = 0; i < 400; i++) {
      const row = values.subarray(i * cols, (i + 1) * cols)
      const { bias, contributions } = treeShap(model, row)
      const total = bias + contributions.reduce((s: number, v: number) => s + v, 0)
      worst = Math.max(worst, Math.abs(total - predictMarginOne(model, row)))
    }
    expect(worst).toBeLessThan(1e-9)
  })

  it('falls back to the recursive algorithm for paths too deep for tables, with the same values', () => {
    // Leaf-limited trees without a depth limit grow paths over more distinct features than tables allow.
    const { model, values, cols } = trained(3000, 20, 4, { trees: 2, maxDepth: 0, maxLeaves: 1500, minChildWeight: 0, lambda: 0.001 })
    expect(buildShapTables(model)).toBeNull()
    for (let i = 0; i < 20; i++) {
      const row = values.subarray(i * cols, (i + 1) * cols)
      const { bias, contributions } = treeShap(model, row)
      expect(bias + contributions.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(predictMarginOne(model, row), 9)
      expect(contributions).toEqual(treeShapRecursive(model, row).contributions)
    }
  })

  it('matches brute-force Shapley values on a small ensemble of 4 features', () => {
    // Deep trees over few features make features repeat along paths, the case TreeSHAP must unwind.
    const { model, values, cols } = trained(600, 3, 1, { trees: 6, maxDepth: 5 })
    let worst = 0
    for (let i = 0; i < 40; i++) {
      const row = values.subarray(i * cols, (i + 1) * cols)
      const expected = bruteForceShap(model, row)
      // The table lookups and the recursive algorithm (the fallback for deep trees) both.
      for (const { bias, contributions } of [treeShap(model, row), treeShapRecursive(model, row)]) {
        expect(bias).toBeCloseTo(ensemble(model, row, new Set()), 12)
        for (let j = 0; j < cols; j++) worst = Math.max(worst, Math.abs(contributions[j]! - expected[j]!))
      }
    }
    expect(worst).toBeLessThan(1e-9)
    // Not vacuous: features do contribute.
    expect(Math.max(...treeShap(model, values.subarray(0, cols)).contributions.map(Math.abs))).toBeGreaterThan(0.01)
  })
})
