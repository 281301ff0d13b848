import { GbdtShapeError } from './model'
import type { GbdtModel } from './model'
import { addTableShap, buildShapTables } from './shap-tables'
import type { ShapTables } from './shap-tables'
import { treeShapRecursive } from './treeshap-recursive'

/** Per-feature contributions to one prediction's log-odds; bias + sum(contributions) = the margin. */
export type ShapExplanation = { bias: number; contributions: Float64Array }

/** The model's tables, and an entry per node of scratch reused by every call (explanations run one at a time). */
type Prepared = { tables: ShapTables; mask: Int32Array } | null

// Tables belong to a model and live as long as it does; the model itself stays a plain immutable value.
const preparedFor = new WeakMap<GbdtModel, Prepared>()

/**
 * Builds the model's explanation tables now (tens of milliseconds for 200 trees of depth 6), so that the
 * first claim explained after a model is loaded does not pay for them. treeShap calls it itself.
 */
export function prepareTreeShap(model: GbdtModel): void {
  if (preparedFor.has(model)) return
  const tables = buildShapTables(model)
  preparedFor.set(model, tables ? { tables, mask: new Int32Array(model.feature.length) } : null)
}

/**
 * Exact TreeSHAP values of the margin (path-dependent: an absent feature is averaged over both children
 * by training cover), the reasons behind a score. The first call for a model builds its lookup tables
 * (see shap-tables.ts); models whose paths are too deep for tables use the recursive algorithm.
 */
export function treeShap(model: GbdtModel, row: ArrayLike<number>): ShapExplanation {
  const nFeatures = model.featureNames.length
  if (row.length !== nFeatures) throw new GbdtShapeError(`a row of ${row.length} values for a model of ${nFeatures} features`)
  prepareTreeShap(model)
  const prepared = preparedFor.get(model)!
  if (prepared === null) return treeShapRecursive(model, row)
  const contributions = new Float64Array(nFeatures)
  // One array type into the walk keeps it specialised; a plain array is copied once.
  addTableShap(model, prepared.tables, row instanceof Float64Array ? row : Float64Array.from(row), contributions, prepared.mask)
  return { bias: model.expectedMargin, contributions }
}
