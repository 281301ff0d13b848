import type { BinnedMatrix, Binning } from './binning'

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

/** A tree as parallel arrays, plus what training needs and the model file does not (bin splits, gains). */
export type GrownTree = {
  feature: number[]
  threshold: number[]
  defaultLeft: boolean[]
  left: number[]
  right: number[]
  value: number[]
  cover: number[]
  bin: number[]
  gain: number[]
}

export type GrowInput = {
  binned: BinnedMatrix
  binning: Binning
  grad: Float64Array
  hess: Float64Array
  /** Rows of this tree's sample, ascending; reordered in place as nodes split. */
  rows: Int32Array
  /** Features this tree may split on. */
  features: Int32Array
  params: TreeParams
}

type Histogram = { g: Float64Array; h: Float64Array; c: Float64Array }

type Split = {
  gain: number
  feature: number
  bin: number
  defaultLeft: boolean
  gL: number
  hL: number
  cL: number
  gR: number
  hR: number
  cR: number
}

type OpenLeaf = { node: number; begin: number; end: number; depth: number; hist: Histogram; split: Split }

// Below this a split only fits rounding noise of an already pure node.
const MIN_SPLIT_GAIN = 1e-12

export function growTree(input: GrowInput): GrownTree {
  const { rows, grad, hess, params } = input
  const tree: GrownTree = { feature: [], threshold: [], defaultLeft: [], left: [], right: [], value: [], cover: [], bin: [], gain: [] }
  const pool = histogramPool(input.binning.totalBins)
  const scratch = new Int32Array(rows.length)
  let g = 0
  let h = 0
  for (let i = 0; i < rows.length; i++) {
    g += grad[rows[i]!]!
    h += hess[rows[i]!]!
  }
  const open: OpenLeaf[] = []
  const consider = (node: number, begin: number, end: number, depth: number, hist: Histogram, sums: { g: number; h: number; c: number }) => {
    const deepEnough = params.maxDepth > 0 && depth >= params.maxDepth
    const split = deepEnough || sums.c < 2 ? null : bestSplit(input, hist, sums.g, sums.h, sums.c)
    if (split) open.push({ node, begin, end, depth, hist, split })
    else pool.release(hist)
  }
  const rootHist = pool.acquire()
  fillHistogram(input, rootHist, 0, rows.length)
  consider(addNode(tree, g, h, params), 0, rows.length, 0, rootHist, { g, h, c: rows.length })

  let leaves = 1
  while (open.length > 0 && (params.maxLeaves === 0 || leaves < params.maxLeaves)) {
    let k = 0
    for (let i = 1; i < open.length; i++) if (open[i]!.split.gain > open[k]!.split.gain) k = i
    const { node, begin, end, depth, hist, split } = open.splice(k, 1)[0]!
    const mid = partition(input, scratch, begin, end, split)
    const l = addNode(tree, split.gL, split.hL, params)
    const r = addNode(tree, split.gR, split.hR, params)
    const edges = input.binning.features[split.feature]!.edges
    tree.feature[node] = split.feature
    // The last value bin has no upper edge: every finite value goes left, only missing values can go right.
    tree.threshold[node] = split.bin < edges.length ? edges[split.bin]! : Number.MAX_VALUE
    tree.defaultLeft[node] = split.defaultLeft
    tree.left[node] = l
    tree.right[node] = r
    tree.bin[node] = split.bin
    tree.gain[node] = split.gain
    leaves++
    // Histogram the smaller child; the larger one is the parent's minus it, at no pass over its rows.
    const small = pool.acquire()
    const leftSmaller = mid - begin <= end - mid
    if (leftSmaller) fillHistogram(input, small, begin, mid)
    else fillHistogram(input, small, mid, end)
    subtract(hist, small)
    const leftHist = leftSmaller ? small : hist
    const rightHist = leftSmaller ? hist : small
    consider(l, begin, mid, depth + 1, leftHist, { g: split.gL, h: split.hL, c: split.cL })
    consider(r, mid, end, depth + 1, rightHist, { g: split.gR, h: split.hR, c: split.cR })
  }
  // Children come after parents, so one backward pass makes every cover the exact sum of its children's:
  // TreeSHAP's additivity relies on the two fractions at a node adding up to one.
  for (let i = tree.feature.length - 1; i >= 0; i--) {
    if (tree.feature[i]! >= 0) tree.cover[i] = tree.cover[tree.left[i]!]! + tree.cover[tree.right[i]!]!
  }
  return tree
}

function addNode(tree: GrownTree, g: number, h: number, params: TreeParams): number {
  tree.feature.push(-1)
  tree.threshold.push(0)
  tree.defaultLeft.push(false)
  tree.left.push(-1)
  tree.right.push(-1)
  tree.value.push((-params.learningRate * g) / (h + params.lambda))
  tree.cover.push(h)
  tree.bin.push(-1)
  tree.gain.push(0)
  return tree.feature.length - 1
}

function histogramPool(size: number) {
  const free: Histogram[] = []
  return {
    acquire: (): Histogram => free.pop() ?? { g: new Float64Array(size), h: new Float64Array(size), c: new Float64Array(size) },
    release: (hist: Histogram) => free.push(hist),
  }
}

function fillHistogram(input: GrowInput, hist: Histogram, begin: number, end: number): void {
  const { binned, binning, grad, hess, rows, features } = input
  const { g, h, c } = hist
  g.fill(0)
  h.fill(0)
  c.fill(0)
  const bins = binned.bins
  const n = binned.rows
  for (let q = 0; q < features.length; q++) {
    const f = features[q]!
    const offset = binning.offsets[f]!
    const base = f * n
    for (let i = begin; i < end; i++) {
      const row = rows[i]!
      const k = offset + bins[base + row]!
      g[k]! += grad[row]!
      h[k]! += hess[row]!
      c[k]!++
    }
  }
}

function subtract(parent: Histogram, child: Histogram): void {
  for (let k = 0; k < parent.g.length; k++) {
    parent.g[k]! -= child.g[k]!
    parent.h[k]! -= child.h[k]!
    parent.c[k]! -= child.c[k]!
  }
}

/** Moves the rows that go left to the front of [begin, end), keeping order; returns where the right ones start. */
function partition(input: GrowInput, scratch: Int32Array, begin: number, end: number, split: Split): number {
  const { rows, binned } = input
  const base = split.feature * binned.rows
  const missing = input.binning.features[split.feature]!.edges.length + 1
  let w = begin
  let k = 0
  for (let i = begin; i < end; i++) {
    const row = rows[i]!
    const b = binned.bins[base + row]!
    if (b === missing ? split.defaultLeft : b <= split.bin) rows[w++] = row
    else scratch[k++] = row
  }
  rows.set(scratch.subarray(0, k), w)
  return w
}

function bestSplit(input: GrowInput, hist: Histogram, G: number, H: number, C: number): Split | null {
  const { lambda, gamma, minChildWeight } = input.params
  const parentScore = (G * G) / (H + lambda)
  let best: Split | null = null
  const tryCandidate = (feature: number, bin: number, gL: number, hL: number, cL: number, missingLeft: boolean | null) => {
    const gR = G - gL
    const hR = H - hL
    const cR = C - cL
    if (cL < 1 || cR < 1 || hL < minChildWeight || hR < minChildWeight) return
    const gain = 0.5 * ((gL * gL) / (hL + lambda) + (gR * gR) / (hR + lambda) - parentScore) - gamma
    if (gain <= (best ? best.gain : MIN_SPLIT_GAIN)) return
    // With no missing values at this node, send future ones to the side that saw more weight.
    const defaultLeft = missingLeft ?? hL >= hR
    best = { gain, feature, bin, defaultLeft, gL, hL, cL, gR, hR, cR }
  }
  const { g, h, c } = hist
  for (let q = 0; q < input.features.length; q++) {
    const f = input.features[q]!
    const offset = input.binning.offsets[f]!
    const valueBins = input.binning.features[f]!.edges.length + 1
    const gm = g[offset + valueBins]!
    const hm = h[offset + valueBins]!
    const cm = c[offset + valueBins]!
    let gl = 0
    let hl = 0
    let cl = 0
    for (let b = 0; b < valueBins; b++) {
      gl += g[offset + b]!
      hl += h[offset + b]!
      cl += c[offset + b]!
      if (c[offset + b] === 0 && b > 0) continue
      if (cm === 0) {
        tryCandidate(f, b, gl, hl, cl, null)
      } else {
        // Learn where missing values belong by trying them on each side.
        tryCandidate(f, b, gl, hl, cl, false)
        tryCandidate(f, b, gl + gm, hl + hm, cl + cm, true)
      }
    }
  }
  return best
}
