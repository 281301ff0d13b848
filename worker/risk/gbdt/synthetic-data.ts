import { mulberry32 } from '../../generator/prng'
import type { Random } from '../../generator/prng'
import type { FeatureMatrix } from './dataset'

/** Labelled rows with known structure: for tests, evaluations and benchmarks of the trainer. */
export type SyntheticData = { x: FeatureMatrix; y: Float64Array; featureNames: string[] }

export function gaussian(random: Random): number {
  // Box-Muller; 1 - next() keeps the logarithm away from zero.
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
}

export type ClassificationShape = {
  rows: number
  /** Features that carry the class. */
  informative: number
  /** Random mixtures of the informative ones: correlated, nothing new. */
  redundant: number
  /** Pure noise. */
  noise: number
  /** Gaussian clusters per class, placed on vertices of a hypercube, so classes are not linearly separable. */
  clustersPerClass: number
  /** Distance of cluster centres from the origin along each axis. */
  classSep: number
  /** Share of labels flipped at random, as a floor on the achievable error. */
  flip: number
  seed: number
}

/** In the manner of scikit-learn's make_classification: informative, then redundant, then noise columns. */
export function makeClassification(shape: ClassificationShape): SyntheticData & { centres: number[][] } {
  const random = mulberry32(shape.seed)
  const { rows, informative, redundant, noise } = shape
  const cols = informative + redundant + noise
  const centres = distinctVertices(2 * shape.clustersPerClass, informative, random).map((v) => v.map((s) => s * shape.classSep))
  const mix = Array.from({ length: redundant }, () => Array.from({ length: informative }, () => 2 * random.next() - 1))
  const values = new Float64Array(rows * cols)
  const y = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    const label = i % 2
    const centre = centres[label * shape.clustersPerClass + random.int(0, shape.clustersPerClass - 1)]!
    const base = i * cols
    for (let k = 0; k < informative; k++) values[base + k] = centre[k]! + gaussian(random)
    for (let r = 0; r < redundant; r++) {
      let v = 0
      for (let k = 0; k < informative; k++) v += mix[r]![k]! * values[base + k]!
      values[base + informative + r] = v
    }
    for (let z = 0; z < noise; z++) values[base + informative + redundant + z] = gaussian(random)
    y[i] = random.next() < shape.flip ? 1 - label : label
  }
  const featureNames = [
    ...Array.from({ length: informative }, (_, k) => `informative_${k}`),
    ...Array.from({ length: redundant }, (_, k) => `redundant_${k}`),
    ...Array.from({ length: noise }, (_, k) => `noise_${k}`),
  ]
  return { x: { values, rows, cols }, y, featureNames, centres }
}

/** Distinct corners of the {-1, 1} hypercube, so that no two clusters (of either class) coincide. */
function distinctVertices(count: number, dims: number, random: Random): number[][] {
  const seen = new Set<string>()
  const vertices: number[][] = []
  // Fewer corners than clusters cannot be helped; then clusters share corners.
  const limit = Math.min(count, 2 ** dims)
  while (vertices.length < count) {
    const v = Array.from({ length: dims }, () => (random.next() < 0.5 ? -1 : 1))
    const key = v.join()
    if (seen.has(key) && vertices.length < limit) continue
    seen.add(key)
    vertices.push(v)
  }
  return vertices
}

/** Label is the sign of a weighted sum plus noise: a boundary trees must staircase. */
export function makeLinear(rows: number, seed: number): SyntheticData {
  const random = mulberry32(seed)
  const cols = 4
  const values = new Float64Array(rows * cols)
  const y = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) values[i * cols + j] = gaussian(random)
    const score = 2 * values[i * cols]! - 1.5 * values[i * cols + 1]! + 0.2 * gaussian(random)
    y[i] = score > 0 ? 1 : 0
  }
  return { x: { values, rows, cols }, y, featureNames: ['a', 'b', 'noise_1', 'noise_2'] }
}

/** Label is XOR of two signs: no single feature helps on its own, so one-split stumps fail. */
export function makeXor(rows: number, seed: number): SyntheticData {
  const random = mulberry32(seed)
  const cols = 3
  const values = new Float64Array(rows * cols)
  const y = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) values[i * cols + j] = 2 * random.next() - 1
    y[i] = values[i * cols]! > 0 !== values[i * cols + 1]! > 0 ? 1 : 0
  }
  return { x: { values, rows, cols }, y, featureNames: ['x1', 'x2', 'noise'] }
}

/** Rows [begin, end) of a dataset, for train / held-out splits. */
export function sliceRows(data: SyntheticData, begin: number, end: number): SyntheticData {
  const { cols } = data.x
  return {
    x: { values: data.x.values.slice(begin * cols, end * cols), rows: end - begin, cols },
    y: data.y.slice(begin, end),
    featureNames: data.featureNames,
  }
}
