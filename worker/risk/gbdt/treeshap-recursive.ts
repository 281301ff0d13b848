import { GbdtShapeError } from './model'
import type { GbdtModel } from './model'
import type { ShapExplanation } from './treeshap'

/**
 * The features met on the way down, each with the share of "feature absent" paths (zero) and of
 * "feature present" paths (one) that continue here, and the permutation weights of the subsets. Each
 * level of the recursion works on its own segment of these buffers (a copy of its parent's path), so a
 * whole explanation allocates nothing beyond them.
 */
type Walk = {
  readonly model: GbdtModel
  readonly row: ArrayLike<number>
  readonly phi: Float64Array
  readonly feature: Int32Array
  readonly zero: Float64Array
  readonly one: Float64Array
  readonly weight: Float64Array
}

/**
 * Exact TreeSHAP (Lundberg, Erion and Lee 2018, algorithm 2): Shapley values of the tree ensemble's
 * margin where an absent feature is averaged over both children by training cover. Polynomial:
 * O(trees x leaves x depth^2) per row instead of 2^features, and no tables: the path for trees too
 * deep for treeShap's precomputed ones.
 */
export function treeShapRecursive(model: GbdtModel, row: ArrayLike<number>): ShapExplanation {
  const nFeatures = model.featureNames.length
  if (row.length !== nFeatures) throw new GbdtShapeError(`a row of ${row.length} values for a model of ${nFeatures} features`)
  // Segments of 1, 2, ... maxDepth + 2 entries, one per level of the recursion.
  const size = ((model.maxDepth + 3) * (model.maxDepth + 4)) / 2
  const walk: Walk = {
    model,
    row,
    phi: new Float64Array(nFeatures),
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  }
  for (let t = 0; t < model.roots.length; t++) recurse(walk, model.roots[t]!, 0, 0, 1, 1, -1)
  return { bias: model.expectedMargin, contributions: walk.phi }
}

function recurse(w: Walk, node: number, parentStart: number, depth: number, zero: number, one: number, splitFeature: number): void {
  const start = parentStart + depth + 1
  const { feature, zero: z, one: o, weight } = w
  for (let i = 0; i <= depth; i++) {
    feature[start + i] = feature[parentStart + i]!
    z[start + i] = z[parentStart + i]!
    o[start + i] = o[parentStart + i]!
    weight[start + i] = weight[parentStart + i]!
  }
  extend(w, start, depth, zero, one, splitFeature)
  const { model } = w
  const split = model.feature[node]!
  if (split < 0) {
    const value = model.value[node]!
    for (let i = 1; i <= depth; i++) {
      const share = unwoundSum(w, start, depth, i)
      w.phi[feature[start + i]!]! += share * (o[start + i]! - z[start + i]!) * value
    }
    return
  }
  const l = model.left[node]!
  const v = w.row[split]!
  const hot = l + (v <= model.threshold[node]! ? 0 : v === v ? 1 : model.missingRight[node]!)
  const cold = hot === l ? l + 1 : l
  const cover = model.cover[node]!
  const hotZero = cover > 0 ? model.cover[hot]! / cover : 0.5
  const coldZero = cover > 0 ? model.cover[cold]! / cover : 0.5
  let incomingZero = 1
  let incomingOne = 1
  // A feature split on twice along a path counts once: take its earlier entry out and merge the fractions.
  let d = depth
  for (let k = 1; k <= d; k++) {
    if (feature[start + k] === split) {
      incomingZero = z[start + k]!
      incomingOne = o[start + k]!
      unwind(w, start, d, k)
      d--
      break
    }
  }
  recurse(w, hot, start, d + 1, hotZero * incomingZero, incomingOne, split)
  recurse(w, cold, start, d + 1, coldZero * incomingZero, 0, split)
}

function extend(w: Walk, s: number, depth: number, zero: number, one: number, feature: number): void {
  const weight = w.weight
  w.feature[s + depth] = feature
  w.zero[s + depth] = zero
  w.one[s + depth] = one
  weight[s + depth] = depth === 0 ? 1 : 0
  for (let i = depth - 1; i >= 0; i--) {
    weight[s + i + 1]! += (one * weight[s + i]! * (i + 1)) / (depth + 1)
    weight[s + i] = (zero * weight[s + i]! * (depth - i)) / (depth + 1)
  }
}

function unwind(w: Walk, s: number, depth: number, index: number): void {
  const { weight, feature, zero: z, one: o } = w
  const one = o[s + index]!
  const zero = z[s + index]!
  let next = weight[s + depth]!
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = weight[s + i]!
      weight[s + i] = (next * (depth + 1)) / ((i + 1) * one)
      next = tmp - (weight[s + i]! * zero * (depth - i)) / (depth + 1)
    } else {
      weight[s + i] = (weight[s + i]! * (depth + 1)) / (zero * (depth - i))
    }
  }
  for (let i = index; i < depth; i++) {
    feature[s + i] = feature[s + i + 1]!
    z[s + i] = z[s + i + 1]!
    o[s + i] = o[s + i + 1]!
  }
}

/** Total permutation weight of the path with one feature taken out, without modifying the path. */
function unwoundSum(w: Walk, s: number, depth: number, index: number): number {
  const weight = w.weight
  const one = w.one[s + index]!
  const zero = w.zero[s + index]!
  let next = weight[s + depth]!
  let total = 0
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one)
      total += tmp
      next = weight[s + i]! - (tmp * zero * (depth - i)) / (depth + 1)
    }
  } else if (zero !== 0) {
    for (let i = depth - 1; i >= 0; i--) total += (weight[s + i]! * (depth + 1)) / (zero * (depth - i))
  }
  return total
}
