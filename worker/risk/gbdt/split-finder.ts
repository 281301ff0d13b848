import type { BinMatrix } from './bin-matrix'
import type { Histogram } from './histogram'

export type SplitParams = { lambda: number; gamma: number; minChildWeight: number }

/** The best split of a node: column of the bin matrix, last value bin that goes left, the sums on each side. */
export type Split = { gain: number; column: number; bin: number; defaultLeft: boolean; gL: number; hL: number; gR: number; hR: number }

/**
 * Hessian below which a side counts as empty. Histograms of larger children are parent minus sibling,
 * so an empty bin can hold rounding residue instead of an exact zero; real rows weigh far more.
 */
export const EMPTY_HESSIAN = 1e-8

// Below this a split only fits rounding noise of an already pure node.
const MIN_SPLIT_GAIN = 1e-12

/**
 * Scans every candidate threshold of the given columns once, left to right, with the node's missing
 * values tried on each side (where the node has any). Ties keep the first candidate met, so the result
 * depends only on the data. Returns null when no split gains enough.
 */
export function findBestSplit(hist: Histogram, matrix: BinMatrix, columns: Int32Array, G: number, H: number, params: SplitParams): Split | null {
  const lambda = params.lambda
  const minHess = Math.max(params.minChildWeight, EMPTY_HESSIAN)
  const parentScore = (G * G) / (H + lambda)
  // Compare scores (the sum of the children's terms) and turn the winner into a gain once.
  let bestScore = parentScore + 2 * (params.gamma + MIN_SPLIT_GAIN)
  let bestColumn = -1
  let bestBin = -1
  let bestDefaultLeft = false
  let bestGL = 0
  let bestHL = 0
  const { offsets, valueBins, hasMissing } = matrix
  for (let q = 0; q < columns.length; q++) {
    const c = columns[q]!
    const offset = offsets[c]!
    const nb = valueBins[c]!
    const mk = 2 * (offset + nb)
    const gm = hist[mk]!
    const hm = hist[mk + 1]!
    const missingHere = hasMissing[c] === 1 && hm > EMPTY_HESSIAN
    let gl = 0
    let hl = 0
    for (let b = 0; b < nb; b++) {
      const k = 2 * (offset + b)
      const hb = hist[k + 1]!
      gl += hist[k]!
      hl += hb
      // An empty bin splits the node exactly as the bin before it did.
      if (hb <= EMPTY_HESSIAN) continue
      const hr = H - hl
      if (hl >= minHess && hr >= minHess) {
        const gr = G - gl
        const score = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda)
        if (score > bestScore) {
          bestScore = score
          bestColumn = c
          bestBin = b
          // With no missing values at this node, send future ones to the side that saw more weight.
          bestDefaultLeft = missingHere ? false : hl >= hr
          bestGL = gl
          bestHL = hl
        }
      }
      if (missingHere) {
        const gl2 = gl + gm
        const hl2 = hl + hm
        const hr2 = H - hl2
        if (hl2 >= minHess && hr2 >= minHess) {
          const gr2 = G - gl2
          const score = (gl2 * gl2) / (hl2 + lambda) + (gr2 * gr2) / (hr2 + lambda)
          if (score > bestScore) {
            bestScore = score
            bestColumn = c
            bestBin = b
            bestDefaultLeft = true
            bestGL = gl2
            bestHL = hl2
          }
        }
      }
    }
  }
  if (bestColumn < 0) return null
  const gain = 0.5 * (bestScore - parentScore) - params.gamma
  return { gain, column: bestColumn, bin: bestBin, defaultLeft: bestDefaultLeft, gL: bestGL, hL: bestHL, gR: G - bestGL, hR: H - bestHL }
}
