import type { BinMatrix } from './bin-matrix'
import { buildHistogram, subtractHistogram } from './histogram'
import type { Histogram, HistogramPool } from './histogram'
import { EMPTY_HESSIAN, findBestSplit } from './split-finder'
import type { Split } from './split-finder'

export type TreeParams = {
  /** Deepest leaf, root at depth 0; 0 leaves depth to maxLeaves. */
  maxDepth: number
  /** Leaves per tree, grown best gain first; 0 leaves size to maxDepth. */
  maxLeaves: number
  lambda: number
  gamma: number
  minChildWeight: number
  learningRate: number
}

/**
 * A tree as parallel arrays, children always in consecutive slots (right = left + 1), plus what training
 * needs and the model file does not: the bin-matrix column and bin of each split, and each node's
 * range in the row order the growth left behind (a leaf's rows are rows[begin, end)).
 */
export type GrownTree = {
  feature: number[]
  threshold: number[]
  defaultLeft: boolean[]
  left: number[]
  right: number[]
  value: number[]
  cover: number[]
  gain: number[]
  column: number[]
  bin: number[]
  begin: number[]
  end: number[]
}

export type GrowInput = {
  matrix: BinMatrix
  /** Gradient of row r at 2r, hessian at 2r+1. */
  gh: Float64Array
  /** Rows of this tree's sample, ascending; reordered in place as nodes split. */
  rows: Int32Array
  /** Same length as rows, any content: where a partition parks the rows that go right. */
  scratch: Int32Array
  /** Bin-matrix columns this tree may split on. */
  columns: Int32Array
  pool: HistogramPool
  params: TreeParams
}

type OpenLeaf = { node: number; depth: number; hist: Histogram; split: Split }

export function growTree(input: GrowInput): GrownTree {
  const { matrix, gh, rows, columns, pool, params } = input
  const tree: GrownTree = { feature: [], threshold: [], defaultLeft: [], left: [], right: [], value: [], cover: [], gain: [], column: [], bin: [], begin: [], end: [] }
  const [G, H] = sumGradients(gh, rows)
  const minHess = Math.max(params.minChildWeight, EMPTY_HESSIAN)
  const open: OpenLeaf[] = []
  const root = addNode(tree, G, H, 0, rows.length, params)
  if (splittable(params, minHess, 0, rows.length, H)) {
    const hist = pool.acquire()
    buildHistogram(hist, matrix, gh, rows, 0, rows.length)
    consider(input, open, root, 0, hist, G, H)
  }
  let leaves = 1
  while (open.length > 0 && (params.maxLeaves === 0 || leaves < params.maxLeaves)) {
    let k = 0
    for (let i = 1; i < open.length; i++) if (open[i]!.split.gain > open[k]!.split.gain) k = i
    const { node, depth, hist, split } = open.splice(k, 1)[0]!
    const begin = tree.begin[node]!
    const end = tree.end[node]!
    const mid = partition(input, begin, end, split)
    const l = addNode(tree, split.gL, split.hL, begin, mid, params)
    const r = addNode(tree, split.gR, split.hR, mid, end, params)
    const edges = matrix.edges[split.column]!
    tree.feature[node] = matrix.features[split.column]!
    // The last value bin has no upper edge: every finite value goes left, only missing values can go right.
    tree.threshold[node] = split.bin < edges.length ? edges[split.bin]! : Number.MAX_VALUE
    tree.defaultLeft[node] = split.defaultLeft
    tree.left[node] = l
    tree.right[node] = r
    tree.gain[node] = split.gain
    tree.column[node] = split.column
    tree.bin[node] = split.bin
    leaves++

    const leftOpen = splittable(params, minHess, depth + 1, mid - begin, split.hL)
    const rightOpen = splittable(params, minHess, depth + 1, end - mid, split.hR)
    if (!leftOpen && !rightOpen) {
      pool.release(hist)
      continue
    }
    // Histogram the smaller child; the larger one is the parent's minus it, at no pass over its rows.
    const leftSmaller = mid - begin <= end - mid
    const small = pool.acquire()
    if (leftSmaller) buildHistogram(small, matrix, gh, rows, begin, mid)
    else buildHistogram(small, matrix, gh, rows, mid, end)
    const smallOpen = leftSmaller ? leftOpen : rightOpen
    const largeOpen = leftSmaller ? rightOpen : leftOpen
    if (largeOpen) subtractHistogram(hist, small)
    else pool.release(hist)
    if (!smallOpen) pool.release(small)
    const leftHist = leftSmaller ? small : hist
    const rightHist = leftSmaller ? hist : small
    if (leftOpen) consider(input, open, l, depth + 1, leftHist, split.gL, split.hL)
    if (rightOpen) consider(input, open, r, depth + 1, rightHist, split.gR, split.hR)
  }
  for (const leaf of open) pool.release(leaf.hist)
  // Children come after parents, so one backward pass makes every cover the exact sum of its children's:
  // TreeSHAP's additivity relies on the two fractions at a node adding up to one.
  for (let i = tree.feature.length - 1; i >= 0; i--) {
    if (tree.feature[i]! >= 0) tree.cover[i] = tree.cover[tree.left[i]!]! + tree.cover[tree.right[i]!]!
  }
  return tree
}

function sumGradients(gh: Float64Array, rows: Int32Array): [number, number] {
  let g = 0
  let h = 0
  for (let i = 0; i < rows.length; i++) {
    g += gh[2 * rows[i]!]!
    h += gh[2 * rows[i]! + 1]!
  }
  return [g, h]
}

/** A node that cannot split needs no histogram: at the depth limit, one row, or too light for two children. */
function splittable(params: TreeParams, minHess: number, depth: number, count: number, h: number): boolean {
  return (params.maxDepth === 0 || depth < params.maxDepth) && count >= 2 && h >= 2 * minHess
}

function consider(input: GrowInput, open: OpenLeaf[], node: number, depth: number, hist: Histogram, g: number, h: number): void {
  const split = findBestSplit(hist, input.matrix, input.columns, g, h, input.params)
  if (split) open.push({ node, depth, hist, split })
  else input.pool.release(hist)
}

function addNode(tree: GrownTree, g: number, h: number, begin: number, end: number, params: TreeParams): number {
  tree.feature.push(-1)
  tree.threshold.push(0)
  tree.defaultLeft.push(false)
  tree.left.push(-1)
  tree.right.push(-1)
  tree.value.push((-params.learningRate * g) / (h + params.lambda))
  tree.cover.push(h)
  tree.gain.push(0)
  tree.column.push(-1)
  tree.bin.push(-1)
  tree.begin.push(begin)
  tree.end.push(end)
  return tree.feature.length - 1
}

/** Moves the rows that go left to the front of [begin, end), keeping order; returns where the right ones start. */
function partition(input: GrowInput, begin: number, end: number, split: Split): number {
  const { rows, scratch, matrix } = input
  const c = split.column
  const column = matrix.byColumn.subarray(c * matrix.rows, (c + 1) * matrix.rows)
  const last = matrix.offsets[c]! + split.bin
  const missing = matrix.offsets[c]! + matrix.valueBins[c]!
  const mid = stablePartition(rows, scratch, column, begin, end, last, missing, split.defaultLeft ? 1 : 0)
  rows.set(scratch.subarray(0, end - mid), mid)
  return mid
}

/**
 * Each row is written to both sides and only the side it belongs to advances: no branch to mispredict
 * on a split that sends rows either way at random. Kept apart from partition() so the loop compiles to
 * typed-array reads alone.
 */
function stablePartition(
  rows: Int32Array,
  scratch: Int32Array,
  column: Uint16Array | Uint32Array,
  begin: number,
  end: number,
  last: number,
  missing: number,
  missingLeft: number,
): number {
  let w = begin
  let s = 0
  for (let i = begin; i < end; i++) {
    const row = rows[i]!
    const k = column[row]!
    const goLeft = ((k <= last) as unknown as number) | (missingLeft & ((k === missing) as unknown as number))
    rows[w] = row
    scratch[s] = row
    w += goLeft
    s += 1 - goLeft
  }
  return w
}
