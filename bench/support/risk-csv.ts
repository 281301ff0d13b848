import { readFileSync, writeFileSync } from 'node:fs'
import type { FeatureMatrix } from '../../worker/risk/gbdt'

/** Rows of one split, labels beside them. */
export type LabelledSplit = { x: FeatureMatrix; y: Float64Array }

/**
 * Header, then features and a last `label` column; an empty field is a missing value, as risk:train
 * reads it. String(v) is the shortest text that parses back to the same double, so both trainers see
 * identical numbers.
 */
export function writeSplitCsv(path: string, featureNames: readonly string[], split: LabelledSplit): void {
  const { values, rows, cols } = split.x
  const lines = [[...featureNames, 'label'].join(',')]
  for (let i = 0; i < rows; i++) {
    const cells = new Array<string>(cols + 1)
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!
      cells[j] = Number.isNaN(v) ? '' : String(v)
    }
    cells[cols] = String(split.y[i])
    lines.push(cells.join(','))
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
}

/** Reads back what writeSplitCsv wrote, so our side trains on the file's numbers, not the generator's. */
export function readSplitCsv(path: string): LabelledSplit & { featureNames: string[] } {
  const [head, ...body] = readFileSync(path, 'utf8').trimEnd().split('\n')
  const header = head!.split(',')
  const cols = header.length - 1
  const rows = body.length
  const values = new Float64Array(rows * cols)
  const y = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    const cells = body[i]!.split(',')
    for (let j = 0; j < cols; j++) values[i * cols + j] = cells[j] === '' ? Number.NaN : Number(cells[j])
    y[i] = Number(cells[cols])
  }
  return { x: { values, rows, cols }, y, featureNames: header.slice(0, cols) }
}

/** One probability a line, as the XGBoost script writes them. */
export function readPredictions(path: string): Float64Array {
  return Float64Array.from(readFileSync(path, 'utf8').trimEnd().split('\n'), Number)
}
