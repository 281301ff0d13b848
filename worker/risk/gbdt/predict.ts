import type { FeatureMatrix } from './dataset'
import { GbdtShapeError } from './model'
import type { GbdtModel } from './model'
import { addPerfectTrees } from './perfect-trees'

/**
 * Scoring: the raw probability of the positive label (before calibration), from rows with one value
 * per model feature in the model's order, NaN where a value is missing. No allocation per row or per
 * tree: the Worker scores a claim in the time of a few thousand array reads.
 */

// Reused by every single-row call, so scoring stays allocation-free (scoring is synchronous: calls never overlap).
const single = new Float64Array(1)
let rowCopy = new Float64Array(64)

/** The row as a Float64Array: the walk then only ever sees one array type and V8 keeps it specialised. */
function asFloat64(row: ArrayLike<number>): Float64Array {
  if (row instanceof Float64Array) return row
  if (rowCopy.length < row.length) rowCopy = new Float64Array(row.length)
  for (let j = 0; j < row.length; j++) rowCopy[j] = row[j]!
  return rowCopy
}

/** Log-odds for one row. */
export function predictMarginOne(model: GbdtModel, row: ArrayLike<number>): number {
  if (row.length !== model.featureNames.length) {
    throw new GbdtShapeError(`a row of ${row.length} values for a model of ${model.featureNames.length} features`)
  }
  if (model.perfect) {
    single[0] = model.baseScore
    addPerfectTrees(model.perfect, asFloat64(row), row.length, 0, 1, single)
    return single[0]!
  }
  const { roots, feature, threshold, missingRight, left, value } = model
  let margin = model.baseScore
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!
    let f = feature[node]!
    while (f >= 0) {
      const v = row[f]!
      // NaN fails the comparison, so the common case costs one compare; only then is missing told apart.
      node = left[node]! + (v <= threshold[node]! ? 0 : v === v ? 1 : missingRight[node]!)
      f = feature[node]!
    }
    margin += value[node]!
  }
  return margin
}

/** Probability for one row: the single-claim path, allocation-free. */
export function predictOne(model: GbdtModel, row: ArrayLike<number>): number {
  return sigmoid(predictMarginOne(model, row))
}

/** Log-odds for each row of a row-major batch. */
export function predictMargin(model: GbdtModel, rows: Float64Array | FeatureMatrix): Float64Array {
  const values = rows instanceof Float64Array ? rows : rows.values
  const cols = model.featureNames.length
  if (values.length % cols !== 0 || (!(rows instanceof Float64Array) && rows.cols !== cols)) {
    throw new GbdtShapeError(`a batch of ${values.length} values is not whole rows of ${cols} features`)
  }
  const n = values.length / cols
  const out = new Float64Array(n).fill(model.baseScore)
  if (model.perfect) {
    addPerfectTrees(model.perfect, values, cols, 0, n, out)
    return out
  }
  const { roots, feature, threshold, missingRight, left, value } = model
  // Rows in blocks, trees inside: one tree's nodes stay in cache while a block of rows walks it.
  const BLOCK = 64
  for (let start = 0; start < n; start += BLOCK) {
    const stop = Math.min(n, start + BLOCK)
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!
      for (let i = start; i < stop; i++) {
        const offset = i * cols
        let node = root
        let f = feature[node]!
        while (f >= 0) {
          const v = values[offset + f]!
          node = left[node]! + (v <= threshold[node]! ? 0 : v === v ? 1 : missingRight[node]!)
          f = feature[node]!
        }
        out[i]! += value[node]!
      }
    }
  }
  return out
}

/** Probabilities for each row of a row-major batch. */
export function predict(model: GbdtModel, rows: Float64Array | FeatureMatrix): Float64Array {
  const out = predictMargin(model, rows)
  for (let i = 0; i < out.length; i++) out[i] = sigmoid(out[i]!)
  return out
}

export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin))
}
