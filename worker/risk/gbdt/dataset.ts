/** A feature value as callers hold it: NaN, null and undefined all mean "not recorded". */
export type FeatureValue = number | null | undefined

/** Row-major features, NaN where a value is missing: one allocation, read without boxing. */
export type FeatureMatrix = { values: Float64Array; rows: number; cols: number }

export type DatasetInput = {
  rows: ReadonlyArray<ReadonlyArray<FeatureValue>> | FeatureMatrix
  labels: ArrayLike<number>
  featureNames?: readonly string[]
}

export type Dataset = { x: FeatureMatrix; y: Float64Array; featureNames: string[] }

export type GbdtInputReason =
  | 'too-few-rows'
  | 'no-features'
  | 'no-positives'
  | 'no-negatives'
  | 'bad-label'
  | 'infinite-feature'
  | 'length-mismatch'
  | 'bad-feature-names'
  | 'bad-option'
  | 'constant-features'

/** Bad input is an expected outcome (an admin uploads a training file), so it is a value, not a throw. */
export type GbdtInputError = { ok: false; reason: GbdtInputReason; message: string; row?: number; column?: string }

export function inputError(reason: GbdtInputReason, message: string, at: { row?: number; column?: string } = {}): GbdtInputError {
  return { ok: false, reason, message, ...at }
}

function isMatrix(rows: DatasetInput['rows']): rows is FeatureMatrix {
  return (rows as FeatureMatrix).values instanceof Float64Array
}

/** Copies rows into a matrix, mapping null and undefined to NaN; refuses ragged rows. */
export function toFeatureMatrix(rows: DatasetInput['rows']): { ok: true; x: FeatureMatrix } | GbdtInputError {
  if (isMatrix(rows)) {
    if (rows.values.length !== rows.rows * rows.cols) {
      return inputError('length-mismatch', `the matrix holds ${rows.values.length} values, not ${rows.rows} x ${rows.cols}`)
    }
    return { ok: true, x: rows }
  }
  const cols = rows[0]?.length ?? 0
  const values = new Float64Array(rows.length * cols)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? []
    if (row.length !== cols) return inputError('length-mismatch', `row ${i} has ${row.length} values, row 0 has ${cols}`, { row: i })
    for (let j = 0; j < cols; j++) {
      const v = row[j]
      values[i * cols + j] = v === null || v === undefined ? Number.NaN : v
    }
  }
  return { ok: true, x: { values, rows: rows.length, cols } }
}

/** Infinity cannot be binned or compared meaningfully, and usually means a division by zero upstream. */
export function findInfiniteFeature(x: FeatureMatrix, featureNames: readonly string[]): GbdtInputError | null {
  const { values, cols } = x
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      const row = Math.floor(k / cols)
      const column = featureNames[k % cols] ?? `f${k % cols}`
      return inputError('infinite-feature', `feature "${column}" is infinite in row ${row}: only finite numbers or missing values are accepted`, { row, column })
    }
  }
  return null
}

export function defaultFeatureNames(cols: number): string[] {
  return Array.from({ length: cols }, (_, j) => `f${j}`)
}

/**
 * Checks a labelled dataset. Training needs both classes (a logistic model of one class has no
 * boundary to learn) and at least two rows; validation sets only need valid values.
 */
export function checkDataset(input: DatasetInput, purpose: 'training' | 'validation'): { ok: true; data: Dataset } | GbdtInputError {
  const matrix = toFeatureMatrix(input.rows)
  if (!matrix.ok) return matrix
  const { x } = matrix
  if (input.labels.length !== x.rows) {
    return inputError('length-mismatch', `${purpose} data has ${x.rows} rows but ${input.labels.length} labels`)
  }
  if (x.rows < (purpose === 'training' ? 2 : 1)) {
    return inputError('too-few-rows', `${purpose} data needs at least ${purpose === 'training' ? 2 : 1} rows, got ${x.rows}`)
  }
  if (x.cols === 0) return inputError('no-features', `${purpose} data has no feature columns`)
  const featureNames = input.featureNames ? [...input.featureNames] : defaultFeatureNames(x.cols)
  if (featureNames.length !== x.cols) {
    return inputError('length-mismatch', `${featureNames.length} feature names for ${x.cols} feature columns`)
  }
  if (new Set(featureNames).size !== featureNames.length || featureNames.some((n) => n === '')) {
    return inputError('bad-feature-names', 'feature names must be non-empty and distinct')
  }
  const y = new Float64Array(x.rows)
  let positives = 0
  for (let i = 0; i < x.rows; i++) {
    const label = input.labels[i]
    if (label !== 0 && label !== 1) {
      return inputError('bad-label', `label in row ${i} is ${String(label)}: labels must be 0 or 1`, { row: i })
    }
    y[i] = label
    positives += label
  }
  if (purpose === 'training' && positives === 0) return inputError('no-positives', 'training data has no positive (1) labels')
  if (purpose === 'training' && positives === x.rows) return inputError('no-negatives', 'training data has no negative (0) labels')
  const infinite = findInfiniteFeature(x, featureNames)
  if (infinite) return infinite
  return { ok: true, data: { x, y, featureNames } }
}
