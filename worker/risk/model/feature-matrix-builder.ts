import type { FeatureMatrix } from '../gbdt'

/**
 * Rows appended one at a time into one growing Float64Array: the trainer reads history page by page
 * and never holds the claims themselves, only their features.
 */
export class FeatureMatrixBuilder {
  private values: Float64Array
  private labelValues: Float64Array
  private readonly dates: string[] = []
  rows = 0

  constructor(readonly cols: number, capacity = 1024) {
    this.values = new Float64Array(capacity * cols)
    this.labelValues = new Float64Array(capacity)
  }

  push(values: ArrayLike<number>, label: number, submittedDate: string): void {
    if (this.rows === this.labelValues.length) this.grow()
    this.values.set(values, this.rows * this.cols)
    this.labelValues[this.rows] = label
    this.dates.push(submittedDate)
    this.rows++
  }

  /** Rows [from, to) as a matrix view and their labels: no copy. */
  slice(from: number, to: number): { x: FeatureMatrix; y: Float64Array } {
    return {
      x: { values: this.values.subarray(from * this.cols, to * this.cols), rows: to - from, cols: this.cols },
      y: this.labelValues.subarray(from, to),
    }
  }

  dateAt(row: number): string {
    return this.dates[row]!
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2)
    values.set(this.values)
    this.values = values
    const labels = new Float64Array(this.labelValues.length * 2)
    labels.set(this.labelValues)
    this.labelValues = labels
  }
}
