import { describe, expect, it } from 'vitest'
import { binMatrix } from './bin-matrix'
import { binOf, buildBinning, DEFAULT_BINNING, quantileEdges } from './binning'

const matrix = (columns: number[][]) => {
  const rows = columns[0]!.length
  const cols = columns.length
  const values = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values[i * cols + j] = columns[j]![i]!
  return { values, rows, cols }
}

describe('binning', () => {
  it('puts an edge between every pair of distinct values when they fit', () => {
    expect([...quantileEdges(Float64Array.from([1, 1, 2, 3, 3, 3]), 256)]).toEqual([1.5, 2.5])
  })

  it('caps the bins at maxBins with equal-count groups', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i)
    const edges = quantileEdges(sorted, 4)
    expect([...edges]).toEqual([249.5, 499.5, 749.5])
    const counts = [0, 0, 0, 0]
    for (const v of sorted) counts[binOf(edges, v)]!++
    expect(counts).toEqual([250, 250, 250, 250])
  })

  it('gives missing values their own bin and flags constant features', () => {
    const x = matrix([
      [1, Number.NaN, 3, 2],
      [7, 7, 7, 7],
      [Number.NaN, 5, Number.NaN, 5],
    ])
    const binning = buildBinning(x, DEFAULT_BINNING)
    expect(binning.features.map((f) => f.constant)).toEqual([false, true, false])
    const binned = binMatrix(x, binning)
    // The constant feature is left out of the matrix; the other two keep their model indices.
    expect([...binned.features]).toEqual([0, 2])
    // Feature 0: edges 1.5, 2.5, then its missing bin (3). Feature 2 starts after those 4 slots.
    expect([...binned.offsets]).toEqual([0, 4])
    const column = (c: number) => Array.from({ length: 4 }, (_, i) => binned.bins[i * binned.cols + c]! - binned.offsets[c]!)
    expect(column(0)).toEqual([0, 3, 2, 1])
    // Feature 2: one value plus missing still splits present from missing.
    expect(column(1)).toEqual([1, 0, 1, 0])
    expect(Array.from(binned.byColumn.subarray(4, 8))).toEqual(column(1).map((b) => b + 4))
  })

  it('gives a value that alone fills a bin its own bin, with edges on both sides', () => {
    // 1000 values: 0..599 once each, then 7000 repeated 400 times; 8 bins of about 125.
    const sorted = Float64Array.from([...Array.from({ length: 600 }, (_, i) => i), ...Array.from({ length: 400 }, () => 7000)])
    const edges = quantileEdges(sorted, 8)
    expect(edges.length).toBeLessThanOrEqual(7)
    // The heavy value is alone in its bin, and the values below it are not merged into it.
    expect(edges[edges.length - 1]).toBeLessThan(7000)
    expect(edges[edges.length - 1]).toBeGreaterThan(599)
    const counts = new Map<number, number>()
    for (const v of sorted) counts.set(binOf(edges, v), (counts.get(binOf(edges, v)) ?? 0) + 1)
    expect(counts.get(edges.length)).toBe(400)
    expect(Math.max(...[...counts].filter(([b]) => b !== edges.length).map(([, c]) => c))).toBeLessThanOrEqual(110)
  })

  it('places edges from a seeded sample of large data, the same on every run', () => {
    const x = matrix([Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000)])
    const a = buildBinning(x, { maxBins: 16, sampleSize: 500, seed: 3 })
    const b = buildBinning(x, { maxBins: 16, sampleSize: 500, seed: 3 })
    expect([...a.features[0]!.edges]).toEqual([...b.features[0]!.edges])
    expect(a.features[0]!.edges.length).toBe(15)
    // Sample quantiles land near the true ones.
    expect(Math.abs(a.features[0]!.edges[7]! - 2500)).toBeLessThan(300)
  })
})
