import { compileModel } from './model'
import type { GbdtModel } from './model'
import { GBDT_FORMAT, GBDT_VERSION, gbdtModelSchema } from './model-document'
import type { GbdtModelDocument } from './model-document'

export type GbdtModelLoadError = { ok: false; reason: 'not-json' | 'not-a-model' | 'unsupported-version' | 'corrupt'; message: string }

/**
 * Accepts the stored JSON text or an already parsed value (from R2 or a fixture). A refusal is a value:
 * the caller keeps the model it has and reports the message.
 */
export function parseModel(input: unknown): { ok: true; model: GbdtModel } | GbdtModelLoadError {
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
    return { ok: false, reason: 'corrupt', message: `model document is corrupt at ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}` }
  }
  const problem = findStructureProblem(parsed.data)
  if (problem) return { ok: false, reason: 'corrupt', message: `model document is corrupt: ${problem}` }
  return { ok: true, model: compileModel(parsed.data) }
}

/** The document as stored: plain JSON, read back by parseModel to the same predictions. */
export function serialiseModel(model: GbdtModel): string {
  return JSON.stringify(model.document)
}

/** Checks what the schema cannot: every tree is a proper tree, so a walk always ends at a leaf. */
function findStructureProblem(doc: GbdtModelDocument): string | null {
  const nFeatures = doc.featureNames.length
  for (const [t, tree] of doc.trees.entries()) {
    const n = tree.feature.length
    if (n === 0) return `tree ${t} has no nodes`
    for (const key of ['threshold', 'defaultLeft', 'left', 'right', 'value', 'cover', 'gain'] as const) {
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
      if (l <= i || r <= i || l >= n || r >= n || l === r) return `tree ${t} node ${i}: child index out of range`
      parents[l]!++
      parents[r]!++
    }
    for (let i = 1; i < n; i++) if (parents[i] !== 1) return `tree ${t} node ${i}: reached from ${parents[i]} parents`
  }
  return null
}
