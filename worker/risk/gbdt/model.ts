import { z } from 'zod'

export const GBDT_FORMAT = 'claimpay-gbdt'
export const GBDT_VERSION = 1

// z.number() refuses NaN and Infinity, so a model that went through a lossy store fails here, not at scoring.
const treeSchema = z.object({
  /** Feature index per node; -1 marks a leaf. */
  feature: z.array(z.number().int().min(-1)),
  /** A value <= threshold goes left. */
  threshold: z.array(z.number()),
  /** Where a missing value goes, learned in training. */
  defaultLeft: z.array(z.boolean()),
  left: z.array(z.number().int().min(-1)),
  right: z.array(z.number().int().min(-1)),
  /** Leaf output on the log-odds scale, learning rate already applied. */
  value: z.array(z.number()),
  /** Hessian sum of the training rows that reached the node: TreeSHAP weighs the paths by it. */
  cover: z.array(z.number().nonnegative()),
})

export const gbdtModelSchema = z.object({
  format: z.literal(GBDT_FORMAT),
  version: z.literal(GBDT_VERSION),
  objective: z.literal('binary:logistic'),
  featureNames: z.array(z.string().min(1)).min(1),
  /** Starting log-odds: the training base rate. */
  baseScore: z.number(),
  trees: z.array(treeSchema),
})

export type GbdtModelDocument = z.infer<typeof gbdtModelSchema>
export type GbdtTree = z.infer<typeof treeSchema>

export type GbdtModelLoadError = { ok: false; reason: 'not-json' | 'not-a-model' | 'unsupported-version' | 'corrupt'; message: string }

/** Trees concatenated into typed arrays once, so that scoring a claim walks flat memory. */
export type GbdtModel = {
  readonly document: GbdtModelDocument
  readonly featureNames: readonly string[]
  readonly baseScore: number
  readonly roots: Int32Array
  readonly feature: Int32Array
  readonly threshold: Float64Array
  readonly defaultLeft: Uint8Array
  readonly left: Int32Array
  readonly right: Int32Array
  readonly value: Float64Array
  readonly cover: Float64Array
}

/** A batch whose length is not a whole number of rows is a caller bug, not a data problem. */
export class GbdtShapeError extends RangeError {
  override name = 'GbdtShapeError'
}

/** Accepts the stored JSON text or an already parsed value (from R2 or a fixture). */
export function loadModel(input: unknown): { ok: true; model: GbdtModel } | GbdtModelLoadError {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch {
      return { ok: false, reason: 'not-json', message: 'the model file is not valid JSON' }
    }
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== GBDT_FORMAT) {
    return { ok: false, reason: 'not-a-model', message: `not a ${GBDT_FORMAT} model document` }
  }
  const version = (value as { version?: unknown }).version
  if (version !== GBDT_VERSION) {
    return { ok: false, reason: 'unsupported-version', message: `model version ${String(version)} is not supported (this build reads version ${GBDT_VERSION})` }
  }
  const parsed = gbdtModelSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: 'corrupt', message: `model document is corrupt at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` }
  }
  const problem = findStructureProblem(parsed.data)
  if (problem) return { ok: false, reason: 'corrupt', message: `model document is corrupt: ${problem}` }
  return { ok: true, model: compileModel(parsed.data) }
}

/** Checks what the schema cannot: every tree is a proper tree, so a walk always ends at a leaf. */
function findStructureProblem(doc: GbdtModelDocument): string | null {
  const nFeatures = doc.featureNames.length
  for (const [t, tree] of doc.trees.entries()) {
    const n = tree.feature.length
    if (n === 0) return `tree ${t} has no nodes`
    for (const key of ['threshold', 'defaultLeft', 'left', 'right', 'value', 'cover'] as const) {
      if (tree[key].length !== n) return `tree ${t}: ${key} has ${tree[key].length} entries for ${n} nodes`
    }
    const parents = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const f = tree.feature[i]!
      const l = tree.left[i]!
      const r = tree.right[i]!
      if (f === -1) {
        if (l !== -1 || r !== -1) return `tree ${t} node ${i}: a leaf with children`
        continue
      }
      if (f >= nFeatures) return `tree ${t} node ${i}: feature ${f} out of range`
      // Children after their parent rules out cycles with one comparison.
      if (l <= i || r <= i || l >= n || r >= n || l === r) return `tree ${t} node ${i}: bad child index`
      parents[l]!++
      parents[r]!++
    }
    for (let i = 1; i < n; i++) if (parents[i] !== 1) return `tree ${t} node ${i}: reached from ${parents[i]} parents`
  }
  return null
}

export function compileModel(doc: GbdtModelDocument): GbdtModel {
  const total = doc.trees.reduce((sum, tree) => sum + tree.feature.length, 0)
  const roots = new Int32Array(doc.trees.length)
  const feature = new Int32Array(total)
  const threshold = new Float64Array(total)
  const defaultLeft = new Uint8Array(total)
  const left = new Int32Array(total)
  const right = new Int32Array(total)
  const value = new Float64Array(total)
  const cover = new Float64Array(total)
  let base = 0
  for (const [t, tree] of doc.trees.entries()) {
    roots[t] = base
    for (let i = 0; i < tree.feature.length; i++) {
      const k = base + i
      feature[k] = tree.feature[i]!
      threshold[k] = tree.threshold[i]!
      defaultLeft[k] = tree.defaultLeft[i] ? 1 : 0
      left[k] = tree.left[i]! < 0 ? -1 : base + tree.left[i]!
      right[k] = tree.right[i]! < 0 ? -1 : base + tree.right[i]!
      value[k] = tree.value[i]!
      cover[k] = tree.cover[i]!
    }
    base += tree.feature.length
  }
  return { document: doc, featureNames: doc.featureNames, baseScore: doc.baseScore, roots, feature, threshold, defaultLeft, left, right, value, cover }
}

/** The child a value goes to: NaN (missing) follows the learned default. */
export function childFor(model: GbdtModel, node: number, v: number): number {
  if (v !== v) return model.defaultLeft[node] ? model.left[node]! : model.right[node]!
  return v <= model.threshold[node]! ? model.left[node]! : model.right[node]!
}

function marginAt(model: GbdtModel, values: ArrayLike<number>, offset: number): number {
  const { roots, feature } = model
  let margin = model.baseScore
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!
    while (feature[node]! >= 0) node = childFor(model, node, values[offset + feature[node]!]!)
    margin += model.value[node]!
  }
  return margin
}

/** Log-odds for one row, one value per model feature, NaN where missing. */
export function predictRawRow(model: GbdtModel, row: ArrayLike<number>): number {
  return marginAt(model, checkedRow(model, row), 0)
}

export function predictProbaRow(model: GbdtModel, row: ArrayLike<number>): number {
  return sigmoid(predictRawRow(model, row))
}

/** Log-odds for each row of a row-major batch with one column per model feature. */
export function predictRaw(model: GbdtModel, values: Float64Array): Float64Array {
  const cols = model.featureNames.length
  if (values.length % cols !== 0) throw new GbdtShapeError(`a batch of ${values.length} values is not whole rows of ${cols} features`)
  const out = new Float64Array(values.length / cols)
  for (let i = 0; i < out.length; i++) out[i] = marginAt(model, values, i * cols)
  return out
}

export function predictProba(model: GbdtModel, values: Float64Array): Float64Array {
  const out = predictRaw(model, values)
  for (let i = 0; i < out.length; i++) out[i] = sigmoid(out[i]!)
  return out
}

function checkedRow(model: GbdtModel, values: ArrayLike<number>): ArrayLike<number> {
  if (values.length !== model.featureNames.length) {
    throw new GbdtShapeError(`a row of ${values.length} values for a model of ${model.featureNames.length} features`)
  }
  return values
}

export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin))
}
