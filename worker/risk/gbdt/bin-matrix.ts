import { binOf, missingBin } from './binning'
import type { Binning } from './binning'
import type { FeatureMatrix } from './dataset'

/**
 * The training rows as bins, row-major over the features that can split (constant ones are left out,
 * they would only cost time). Each cell holds the bin's index in the whole histogram (the feature's
 * offset added), so building a histogram reads one row's cells in a run and adds without a lookup.
 */
export type BinMatrix = {
  bins: Uint16Array | Uint32Array
  /** The same cells column after column: a partition reads one feature of many rows, and this keeps those reads adjacent. */
  byColumn: Uint16Array | Uint32Array
  rows: number
  /** Columns of `bins`: the usable features. */
  cols: number
  /** Model feature index of each column. */
  features: Int32Array
  /** First histogram slot of each column; the column's missing bin is its last slot. */
  offsets: Int32Array
  /** Value bins of each column (the missing bin not counted). */
  valueBins: Int32Array
  /** Whether each column has missing values in the training rows. */
  hasMissing: Uint8Array
  /** Edges of each column, for turning a bin split back into a threshold. */
  edges: Float64Array[]
  totalBins: number
}

export function binMatrix(x: FeatureMatrix, binning: Binning): BinMatrix {
  const usable: number[] = []
  binning.features.forEach((f, j) => {
    if (!f.constant) usable.push(j)
  })
  const cols = usable.length
  const offsets = new Int32Array(cols)
  const valueBins = new Int32Array(cols)
  const hasMissing = new Uint8Array(cols)
  const edges: Float64Array[] = []
  let totalBins = 0
  for (let c = 0; c < cols; c++) {
    const feature = binning.features[usable[c]!]!
    offsets[c] = totalBins
    valueBins[c] = feature.edges.length + 1
    hasMissing[c] = feature.hasMissing ? 1 : 0
    edges.push(feature.edges)
    totalBins += missingBin(feature) + 1
  }
  const { rows, values } = x
  const bins = totalBins <= 0x10000 ? new Uint16Array(rows * cols) : new Uint32Array(rows * cols)
  const byColumn = totalBins <= 0x10000 ? new Uint16Array(rows * cols) : new Uint32Array(rows * cols)
  for (let c = 0; c < cols; c++) {
    const j = usable[c]!
    const featureEdges = edges[c]!
    const offset = offsets[c]!
    const missing = offset + valueBins[c]!
    for (let i = 0; i < rows; i++) {
      const v = values[i * x.cols + j]!
      const bin = v !== v ? missing : offset + binOf(featureEdges, v)
      bins[i * cols + c] = bin
      byColumn[c * rows + i] = bin
    }
  }
  return { bins, byColumn, rows, cols, features: Int32Array.from(usable), offsets, valueBins, hasMissing, edges, totalBins }
}
