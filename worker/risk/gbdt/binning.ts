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
 */
export type FeatureBins = { edges: Float64Array; constant: boolean }

export type Binning = {
  features: FeatureBins[]
  /** Start of each feature's bins in a histogram laid out feature after feature. */
  offsets: Int32Array
  totalBins: number
}

/** Bins as small integers, feature-major so that building a histogram reads one column at a time. */
export type BinnedMatrix = { bins: Uint16Array; rows: number; cols: number }

export function valueBinCount(feature: FeatureBins): number {
  return feature.edges.length + 1
}

export function missingBin(feature: FeatureBins): number {
  return feature.edges.length + 1
}

export function buildBinning(x: FeatureMatrix, options: BinningOptions): Binning {
  const sample = sampleRows(x.rows, options.sampleSize, options.seed)
  const features: FeatureBins[] = []
  const offsets = new Int32Array(x.cols)
  let totalBins = 0
  const column = new Float64Array(sample.length)
  for (let j = 0; j < x.cols; j++) {
    let present = 0
    for (const i of sample) {
      const v = x.values[i * x.cols + j]!
      if (!Number.isNaN(v)) column[present++] = v
    }
    const hasMissing = present < sample.length
    const edges = quantileEdges(column.subarray(0, present).sort(), options.maxBins)
    // One value and no missing (or nothing but missing) leaves nothing to split on.
    const constant = edges.length === 0 && (!hasMissing || present === 0)
    features.push({ edges, constant })
    offsets[j] = totalBins
    totalBins += edges.length + 2
  }
  return { features, offsets, totalBins }
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
 * Edges between equal-count groups of the sorted values. With few distinct values every gap gets an
 * edge, so a feature with 3 codes gets 3 bins whatever maxBins is. Edges sit halfway between
 * neighbouring values so unseen values in between fall on the nearer side.
 */
export function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = []
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!)
  const edges: number[] = []
  if (distinct.length <= maxBins) {
    for (let i = 1; i < distinct.length; i++) edges.push(between(distinct[i - 1]!, distinct[i]!))
    return Float64Array.from(edges)
  }
  const n = sorted.length
  for (let q = 1; q < maxBins; q++) {
    const k = Math.floor((q * n) / maxBins)
    const lo = sorted[k - 1]!
    const hi = sorted[k]!
    if (lo === hi) continue
    const edge = between(lo, hi)
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge)
  }
  return Float64Array.from(edges)
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

export function binMatrix(x: FeatureMatrix, binning: Binning): BinnedMatrix {
  const { rows, cols, values } = x
  const bins = new Uint16Array(rows * cols)
  for (let j = 0; j < cols; j++) {
    const feature = binning.features[j]!
    const missing = missingBin(feature)
    const base = j * rows
    for (let i = 0; i < rows; i++) {
      const v = values[i * cols + j]!
      bins[base + i] = Number.isNaN(v) ? missing : binOf(feature.edges, v)
    }
  }
  return { bins, rows, cols }
}
