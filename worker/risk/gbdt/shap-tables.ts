import type { GbdtModel } from './model'

/**
 * Per-leaf tables that turn TreeSHAP into lookups. Take one leaf with value v, reached through the
 * distinct features P (d of them). For feature j let z_j be the share of training cover that follows
 * the leaf's path at j's nodes, and o_j = 1 if the row follows it there. The leaf's part of the tree's
 * expected output given the features in S is v * prod over P of (o_j if j in S, else z_j), a game whose
 * Shapley values are, with O the features the row follows and w(s) = s!(d-1-s)!/d!:
 *   j not in O: -V(O) * G(O)
 *   j in O:     (1 - z_j) * V(O) * G(O \ {j})
 * where V(M) = v * prod of z over P \ M, and G(M) = sum over S in M of w(|S|) * prod of z over M \ S.
 * G depends only on which subset M is, so each leaf stores it for all 2^d subsets (V is a product of
 * at most d numbers, cheaper to redo than to fetch), and explaining a row costs a few reads per leaf
 * instead of TreeSHAP's d^2 arithmetic per leaf. Memory: 8 x 2^d bytes a leaf, 512 at depth 6.
 */
export type ShapTables = {
  /**
   * Per split node: the bit of its feature in the subsets of every leaf below it. Bits go to a path's
   * features in order of first appearance from the root, so all leaves under a node agree on the bits
   * of the features above it, and a row's subset can be narrowed node by node on the way down.
   */
  nodeBit: Int32Array
  /** Per leaf node: d, and where its d features, zero shares and 2^d entries of G start. */
  leafFeatures: Int32Array
  featureBegin: Int32Array
  featureIndex: Int32Array
  featureZero: Float64Array
  tableBegin: Int32Array
  g: Float64Array
}

/** Paths with more distinct features than this would need tables of 2^d entries a leaf. */
export const MAX_TABLE_FEATURES = 12

/** The tables, or null when some path has too many distinct features for them. */
export function buildShapTables(model: GbdtModel): ShapTables | null {
  const nodes = model.feature.length
  const nodeBit = new Int32Array(nodes)
  const leafFeatures = new Int32Array(nodes)
  const featureBegin = new Int32Array(nodes)
  const tableBegin = new Int32Array(nodes)
  const featureIndex: number[] = []
  const featureZero: number[] = []
  const g: number[] = []
  // The path's distinct features in order of first appearance, with their cover shares multiplied up.
  const features: number[] = []
  const zero: number[] = []

  const walk = (node: number): boolean => {
    const f = model.feature[node]!
    if (f < 0) {
      const d = features.length
      if (d > MAX_TABLE_FEATURES) return false
      leafFeatures[node] = d
      featureBegin[node] = featureIndex.length
      featureIndex.push(...features)
      featureZero.push(...zero)
      tableBegin[node] = g.length
      appendTable(zero, g)
      return true
    }
    let bit = features.indexOf(f)
    const added = bit < 0
    if (added) {
      bit = features.length
      features.push(f)
      zero.push(1)
    }
    nodeBit[node] = bit
    const cover = model.cover[node]!
    const before = zero[bit]!
    for (const child of [model.left[node]!, model.left[node]! + 1]) {
      zero[bit] = before * (cover > 0 ? model.cover[child]! / cover : 0.5)
      if (!walk(child)) return false
    }
    zero[bit] = before
    if (added) {
      features.pop()
      zero.pop()
    }
    return true
  }

  for (let t = 0; t < model.roots.length; t++) if (!walk(model.roots[t]!)) return null
  return {
    nodeBit,
    leafFeatures,
    featureBegin,
    featureIndex: Int32Array.from(featureIndex),
    featureZero: Float64Array.from(featureZero),
    tableBegin,
    g: Float64Array.from(g),
  }
}

/** G(M) for every subset M of the leaf's d features (bit k for the k-th). */
function appendTable(zero: readonly number[], g: number[]): void {
  const d = zero.length
  const size = 1 << d
  // w(s) = s! (d-1-s)! / d!: the Shapley weight of a coalition of s others out of d - 1.
  const w = new Float64Array(Math.max(d, 1))
  for (let s = 0; s < d; s++) w[s] = 1 / (d * binomial(d - 1, s))
  // Elementary symmetric polynomials of the zero shares in M, built from M without its highest bit.
  const e = new Float64Array(size * (d + 1))
  e[0] = 1
  for (let m = 1; m < size; m++) {
    const high = 31 - Math.clz32(m)
    const rest = m ^ (1 << high)
    const z = zero[high]!
    for (let k = 0; k <= d; k++) e[m * (d + 1) + k] = e[rest * (d + 1) + k]! + (k > 0 ? z * e[rest * (d + 1) + k - 1]! : 0)
  }
  for (let m = 0; m < size; m++) {
    let count = 0
    for (let k = 0; k < d; k++) if (m & (1 << k)) count++
    // G(M) = sum over |S| = s of w(s) * e_{|M| - s}(M).
    let sum = 0
    for (let s = 0; s <= count && s < d; s++) sum += w[s]! * e[m * (d + 1) + count - s]!
    g.push(sum)
  }
}

function binomial(n: number, k: number): number {
  let r = 1
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i
  return r
}

/**
 * Adds each tree's contributions for one row into phi. One pass over each tree's nodes in order
 * (parents before children): a split narrows the subset its children inherit, a leaf adds its table's
 * contributions. `mask` is scratch of one entry per model node.
 */
export function addTableShap(model: GbdtModel, tables: ShapTables, row: Float64Array, phi: Float64Array, mask: Int32Array): void {
  const { feature, threshold, missingRight, left, roots, value } = model
  const { nodeBit, leafFeatures, featureBegin, featureIndex, featureZero, tableBegin, g } = tables
  const trees = roots.length
  for (let t = 0; t < trees; t++) {
    const end = t + 1 < trees ? roots[t + 1]! : feature.length
    mask[roots[t]!] = -1
    for (let node = roots[t]!; node < end; node++) {
      const f = feature[node]!
      const m = mask[node]!
      if (f >= 0) {
        const x = row[f]!
        // As in the prediction walk: right when above the threshold, or missing where missing goes right.
        const right = ((x > threshold[node]!) as unknown as number) | (missingRight[node]! & ((x !== x) as unknown as number))
        // The child the row does not take loses the feature from its subset.
        const l = left[node]!
        mask[l] = m & ~(right << nodeBit[node]!)
        mask[l + 1] = m & ~((1 - right) << nodeBit[node]!)
        continue
      }
      const d = leafFeatures[node]!
      const all = (1 << d) - 1
      const subset = m & all
      const fb = featureBegin[node]!
      const base = tableBegin[node]!
      // V: the leaf value times the zero shares of the features outside the subset. Both loops run d
      // times whatever the subset, and pick by arithmetic, not branches the processor would mispredict.
      let vo = value[node]!
      for (let k = 0; k < d; k++) {
        const outside = 1 - ((subset >> k) & 1)
        vo *= 1 + outside * (featureZero[fb + k]! - 1)
      }
      const absent = vo * g[base + subset]!
      for (let k = 0; k < d; k++) {
        const inside = (subset >> k) & 1
        const present = (1 - featureZero[fb + k]!) * vo * g[base + (subset ^ (1 << k))]!
        phi[featureIndex[fb + k]!]! += inside * (present + absent) - absent
      }
    }
  }
}
