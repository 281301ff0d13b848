import type { GbdtModelDocument } from './model-document'
import { buildPerfectTrees, MAX_PERFECT_DEPTH } from './perfect-trees'
import type { PerfectTrees } from './perfect-trees'

/**
 * Trees concatenated into typed arrays once, so that scoring a claim walks flat memory. Nodes are
 * renumbered tree by tree, breadth first, so that a node's children sit side by side: the right child
 * is left + 1, and a step down is one add.
 */
export type GbdtModel = {
  readonly document: GbdtModelDocument
  readonly featureNames: readonly string[]
  readonly baseScore: number
  readonly roots: Int32Array
  /** Feature of each split node; -1 marks a leaf. */
  readonly feature: Int32Array
  readonly threshold: Float64Array
  /** 1 where a missing value takes the right child. */
  readonly missingRight: Uint8Array
  /** Left child of each split node; the right one follows it. */
  readonly left: Int32Array
  readonly value: Float64Array
  readonly cover: Float64Array
  /** The margin with every feature unknown (base score plus each tree's cover-weighted mean): TreeSHAP's bias. */
  readonly expectedMargin: number
  /** Deepest leaf over all trees, root at 0: sizes TreeSHAP's path buffers. */
  readonly maxDepth: number
  /** The same trees padded for fixed-length walks; null when they are too deep for it. */
  readonly perfect: PerfectTrees | null
}

/** A batch whose length is not a whole number of rows is a caller bug, not a data problem. */
export class GbdtShapeError extends RangeError {
  override name = 'GbdtShapeError'
}

/** Expects a document that passed parseModel's checks (or came straight from training). */
export function compileModel(doc: GbdtModelDocument): GbdtModel {
  const total = doc.trees.reduce((sum, tree) => sum + tree.feature.length, 0)
  const roots = new Int32Array(doc.trees.length)
  const feature = new Int32Array(total)
  const threshold = new Float64Array(total)
  const missingRight = new Uint8Array(total)
  const left = new Int32Array(total).fill(-1)
  const value = new Float64Array(total)
  const cover = new Float64Array(total)
  const depth = new Int32Array(total)
  const queue = new Int32Array(total)
  let next = 0
  let maxDepth = 0
  for (const [t, tree] of doc.trees.entries()) {
    roots[t] = next
    // queue[k] is the document index of compiled node k; a node's children get the next two slots.
    queue[next] = 0
    let end = next + 1
    for (let k = next; k < end; k++) {
      const i = queue[k]!
      feature[k] = tree.feature[i]!
      threshold[k] = tree.threshold[i]!
      missingRight[k] = tree.defaultLeft[i] ? 0 : 1
      value[k] = tree.value[i]!
      cover[k] = tree.cover[i]!
      maxDepth = Math.max(maxDepth, depth[k]!)
      if (tree.feature[i]! < 0) continue
      left[k] = end
      queue[end] = tree.left[i]!
      queue[end + 1] = tree.right[i]!
      depth[end] = depth[end + 1] = depth[k]! + 1
      end += 2
    }
    next = end
  }
  let expectedMargin = doc.baseScore
  for (let t = 0; t < roots.length; t++) expectedMargin += expectedValue(feature, left, value, cover, roots[t]!)
  const nodes = { roots, feature, threshold, missingRight, left, value }
  const perfect = maxDepth <= MAX_PERFECT_DEPTH ? buildPerfectTrees(nodes, maxDepth) : null
  return { document: doc, featureNames: doc.featureNames, baseScore: doc.baseScore, ...nodes, cover, expectedMargin, maxDepth, perfect }
}

/** The tree's mean output over its training rows, weighting each leaf by cover. */
function expectedValue(feature: Int32Array, left: Int32Array, value: Float64Array, cover: Float64Array, node: number): number {
  if (feature[node]! < 0) return value[node]!
  const l = left[node]!
  const w = cover[node]!
  const el = expectedValue(feature, left, value, cover, l)
  const er = expectedValue(feature, left, value, cover, l + 1)
  if (w <= 0) return (el + er) / 2
  return (cover[l]! * el + cover[l + 1]! * er) / w
}

/** The child a value goes to: NaN (missing) follows the learned default. */
export function childFor(model: GbdtModel, node: number, v: number): number {
  return model.left[node]! + (v <= model.threshold[node]! ? 0 : v === v ? 1 : model.missingRight[node]!)
}
