/**
 * Depth-limited trees padded to perfect binary trees of the model's depth D, stored heap-style (the
 * children of slot p are 2p+1 and 2p+2). A walk is then exactly D steps with no leaf test and no child
 * lookup. Padding a leaf above depth D copies its value to every slot below it, so the padded tree gives
 * the same output for every row.
 */
export type PerfectTrees = {
  depth: number
  trees: number
  /** Per split slot: feature << 1, plus 1 when a missing value goes right. */
  featureMissing: Int32Array
  /** Per split slot: a value above it goes right. */
  threshold: Float64Array
  /** Per tree, 2^D leaf values. */
  leaf: Float64Array
}

/** Beyond this the padding costs more memory (2^D slots a tree) than the walk saves. */
export const MAX_PERFECT_DEPTH = 10

type Nodes = { roots: Int32Array; feature: Int32Array; threshold: Float64Array; missingRight: Uint8Array; left: Int32Array; value: Float64Array }

export function buildPerfectTrees(nodes: Nodes, depth: number): PerfectTrees {
  const trees = nodes.roots.length
  const splits = (1 << depth) - 1
  const featureMissing = new Int32Array(trees * splits)
  // A padding slot sends everything left (nothing is above +Infinity, missing goes left): both sides hold the same value.
  const threshold = new Float64Array(trees * splits).fill(Number.POSITIVE_INFINITY)
  const leaf = new Float64Array(trees << depth)
  for (let t = 0; t < trees; t++) {
    const fill = (source: number, slot: number, level: number): void => {
      if (level === depth) {
        leaf[(t << depth) + slot - splits] = nodes.value[source]!
        return
      }
      const isLeaf = nodes.feature[source]! < 0
      if (!isLeaf) {
        featureMissing[t * splits + slot] = (nodes.feature[source]! << 1) | nodes.missingRight[source]!
        threshold[t * splits + slot] = nodes.threshold[source]!
      }
      fill(isLeaf ? source : nodes.left[source]!, 2 * slot + 1, level + 1)
      fill(isLeaf ? source : nodes.left[source]! + 1, 2 * slot + 2, level + 1)
    }
    fill(nodes.roots[t]!, 0, 0)
  }
  return { depth, trees, featureMissing, threshold, leaf }
}

/**
 * out[i] plus every tree's output, for rows first to end of the row-major batch. Eight trees are walked
 * in lockstep: their walks are independent, so the processor overlaps eight chains of loads instead of
 * waiting on one, and all eight positions stay in registers. One loop over rows inside, so the batch
 * and the single-row path run the same compiled code.
 */
export function addPerfectTrees(p: PerfectTrees, values: Float64Array, cols: number, first: number, end: number, out: Float64Array): void {
  const { depth, trees, featureMissing: fm, threshold: th, leaf } = p
  const splits = (1 << depth) - 1
  const stride = 1 << depth
  for (let row = first; row < end; row++) {
    const offset = row * cols
    let sum = out[row]!
    let t = 0
    for (; t + 8 <= trees; t += 8) {
      const b0 = t * splits
      const b1 = b0 + splits
      const b2 = b1 + splits
      const b3 = b2 + splits
      const b4 = b3 + splits
      const b5 = b4 + splits
      const b6 = b5 + splits
      const b7 = b6 + splits
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      let s4 = 0
      let s5 = 0
      let s6 = 0
      let s7 = 0
      for (let level = 0; level < depth; level++) {
        const f0 = fm[b0 + s0]!
        const f1 = fm[b1 + s1]!
        const f2 = fm[b2 + s2]!
        const f3 = fm[b3 + s3]!
        const f4 = fm[b4 + s4]!
        const f5 = fm[b5 + s5]!
        const f6 = fm[b6 + s6]!
        const f7 = fm[b7 + s7]!
        const v0 = values[offset + (f0 >> 1)]!
        const v1 = values[offset + (f1 >> 1)]!
        const v2 = values[offset + (f2 >> 1)]!
        const v3 = values[offset + (f3 >> 1)]!
        const v4 = values[offset + (f4 >> 1)]!
        const v5 = values[offset + (f5 >> 1)]!
        const v6 = values[offset + (f6 >> 1)]!
        const v7 = values[offset + (f7 >> 1)]!
        // Right when above the threshold, or missing where missing goes right; no branch either way.
        s0 = 2 * s0 + 1 + (((v0 > th[b0 + s0]!) as unknown as number) | (f0 & ((v0 !== v0) as unknown as number)))
        s1 = 2 * s1 + 1 + (((v1 > th[b1 + s1]!) as unknown as number) | (f1 & ((v1 !== v1) as unknown as number)))
        s2 = 2 * s2 + 1 + (((v2 > th[b2 + s2]!) as unknown as number) | (f2 & ((v2 !== v2) as unknown as number)))
        s3 = 2 * s3 + 1 + (((v3 > th[b3 + s3]!) as unknown as number) | (f3 & ((v3 !== v3) as unknown as number)))
        s4 = 2 * s4 + 1 + (((v4 > th[b4 + s4]!) as unknown as number) | (f4 & ((v4 !== v4) as unknown as number)))
        s5 = 2 * s5 + 1 + (((v5 > th[b5 + s5]!) as unknown as number) | (f5 & ((v5 !== v5) as unknown as number)))
        s6 = 2 * s6 + 1 + (((v6 > th[b6 + s6]!) as unknown as number) | (f6 & ((v6 !== v6) as unknown as number)))
        s7 = 2 * s7 + 1 + (((v7 > th[b7 + s7]!) as unknown as number) | (f7 & ((v7 !== v7) as unknown as number)))
      }
      const leaves = t * stride - splits
      sum += leaf[leaves + s0]!
      sum += leaf[leaves + 1 * stride + s1]!
      sum += leaf[leaves + 2 * stride + s2]!
      sum += leaf[leaves + 3 * stride + s3]!
      sum += leaf[leaves + 4 * stride + s4]!
      sum += leaf[leaves + 5 * stride + s5]!
      sum += leaf[leaves + 6 * stride + s6]!
      sum += leaf[leaves + 7 * stride + s7]!
    }
    for (; t < trees; t++) {
      const base = t * splits
      let slot = 0
      for (let level = 0; level < depth; level++) {
        const f = fm[base + slot]!
        const v = values[offset + (f >> 1)]!
        slot = 2 * slot + 1 + (((v > th[base + slot]!) as unknown as number) | (f & ((v !== v) as unknown as number)))
      }
      sum += leaf[t * stride - splits + slot]!
    }
    out[row] = sum
  }
}
