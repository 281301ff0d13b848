import { mulberry32 } from '../../generator/prng'
import type { FeatureMatrix } from './dataset'

export type BinningOptions = {
  /** Value bins per feature (2 to 256); the missing bin comes on top. */
  maxBins: number
  /** Rows read to place the edges: quantiles of a sample are close enough and keep big datasets cheap. */
  sampleSize: number
  seed: number
}

export const DEFAULT_BINNING: BinningOptions = { maxBins: 256, sampleSize: 200_000, seed: 1 }

/**
 * Edges of one feature, ascending. Value bin b holds edges[b-1] < v <= edges[b]; the last value bin
 * (index edges.length) holds everything above the last edge and the bin after it holds missing values.
 * `constant` is decided on every row, not the sample: a feature that never varies can never split.
 */
export type FeatureBins = { edges: Float64Array; constant: boolean; hasMissing: boolean }

export type Binning = { features: FeatureBins[] }

export function valueBinCount(feature: FeatureBins): number {
  return feature.edges.length + 1
}

export function missingBin(feature: FeatureBins): number {
  return feature.edges.length + 1
}

export function buildBinning(x: FeatureMatrix, options: BinningOptions): Binning {
  const sample = sampleRows(x.rows, options.sampleSize, options.seed)
  const features: FeatureBins[] = []
  const column = new Float64Array(sample.length)
  for (let j = 0; j < x.cols; j++) {
    let present = 0
    for (let s = 0; s < sample.length; s++) {
      const v = x.values[sample[s]! * x.cols + j]!
      if (v === v) column[present++] = v
    }
    const edges = quantileEdges(column.subarray(0, present).sort(), options.maxBins)
    const { constant, hasMissing } = describeColumn(x, j)
    features.push({ edges, constant, hasMissing })
  }
  return { features }
}

/** One value and no missing (or nothing but missing) leaves nothing to split on. */
function describeColumn(x: FeatureMatrix, j: number): { constant: boolean; hasMissing: boolean } {
  let first = Number.NaN
  let varies = false
  let hasMissing = false
  for (let k = j; k < x.values.length; k += x.cols) {
    const v = x.values[k]!
    if (v !== v) hasMissing = true
    else if (first !== first) first = v
    else if (v !== first) varies = true
  }
  const allMissing = first !== first
  return { constant: allMissing || (!varies && !hasMissing), hasMissing }
}

function sampleRows(rows: number, size: number, seed: number): Int32Array {
  const all = new Int32Array(rows)
  for (let i = 0; i < rows; i++) all[i] = i
  if (rows <= size) return all
  const random = mulberry32(seed)
  for (let i = 0; i < size; i++) {
    const k = i + Math.floor(random.next() * (rows - i))
    const t = all[i]!
    all[i] = all[k]!
    all[k] = t
  }
  return all.subarray(0, size)
}

/**
 * Edges between groups of about equal count of the sorted values. With few distinct values every gap
 * gets an edge, so a feature with 3 codes gets 3 bins whatever maxBins is. With many, a value that
 * alone fills a bin's share (a common billed amount) gets a bin of its own, edges on both sides:
 * cutting at fixed ranks instead would drop every edge that lands inside its run and merge its
 * neighbours into it. Edges sit halfway between neighbouring values so unseen values in between fall
 * on the nearer side.
 */
export function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct = new Float64Array(sorted.length)
  const counts = new Float64Array(sorted.length)
  let nd = 0
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct[nd] = sorted[i]!
      counts[nd++] = 1
    } else counts[nd - 1]!++
  }
  if (nd <= maxBins) {
    const edges = new Float64Array(Math.max(nd - 1, 0))
    for (let i = 1; i < nd; i++) edges[i - 1] = between(distinct[i - 1]!, distinct[i]!)
    return edges
  }
  const share = sorted.length / maxBins
  let restCount = 0
  let restBins = maxBins
  for (let i = 0; i < nd; i++) {
    if (counts[i]! >= share) restBins--
    else restCount += counts[i]!
  }
  let target = restBins > 0 ? restCount / restBins : Number.POSITIVE_INFINITY
  const edges = new Float64Array(maxBins - 1)
  let ne = 0
  let filled = 0
  for (let i = 0; i < nd - 1 && ne < maxBins - 1; i++) {
    filled += counts[i]!
    const big = counts[i]! >= share
    if (big || counts[i + 1]! >= share || filled >= target) {
      edges[ne++] = between(distinct[i]!, distinct[i + 1]!)
      if (!big) {
        // Re-aim at what is left, so rounding early on does not starve the last bins.
        restCount -= filled
        restBins--
        target = restBins > 0 ? restCount / restBins : Number.POSITIVE_INFINITY
      }
      filled = 0
    }
  }
  return edges.slice(0, ne)
}

function between(lo: number, hi: number): number {
  const mid = lo + (hi - lo) / 2
  // Adjacent doubles (or huge magnitudes) can round the midpoint onto hi, which would misplace hi.
  return mid >= lo && mid < hi ? mid : lo
}

/** First edge >= v: the bin whose range (edges[b-1], edges[b]] holds v. */
export function binOf(edges: Float64Array, v: number): number {
  let lo = 0
  let hi = edges.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (edges[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}
