/** Labels and scores of different lengths, or none at all, are a caller bug. */
export class MetricInputError extends RangeError {
  override name = 'MetricInputError'
}

function check(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  if (labels.length !== scores.length) throw new MetricInputError(`${labels.length} labels for ${scores.length} predictions`)
  if (labels.length === 0) throw new MetricInputError('no predictions to score')
  return labels.length
}

/**
 * Area under the ROC curve as the Mann-Whitney statistic, tied scores sharing their average rank
 * (a tie between a positive and a negative counts one half). NaN when one class is absent: the
 * curve is then undefined, and 0.5 would pass for a real figure.
 */
export function auc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = check(labels, scores)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!)
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++
    const averageRank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        positives++
        rankSum += averageRank
      }
    }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** Mean negative log-likelihood; probabilities clipped so one confident miss is large, not infinite. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>, eps = 1e-15): number {
  const n = check(labels, probabilities)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i]!, eps), 1 - eps)
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p)
  }
  return sum / n
}

export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = check(labels, probabilities)
  let sum = 0
  for (let i = 0; i < n; i++) sum += (probabilities[i]! - labels[i]!) ** 2
  return sum / n
}

export type CalibrationRow = { group: number; count: number; meanPredicted: number; observedRate: number; minPredicted: number; maxPredicted: number }

export type CalibrationBins = {
  /** Groups to cut the predictions into. */
  bins?: number
  /**
   * equal-count: sorted predictions cut into groups of the same size (every group has data);
   * equal-width: [0, 0.1), [0.1, 0.2) ... (groups with no prediction are left out).
   */
  strategy?: 'equal-count' | 'equal-width'
}

/**
 * Predictions cut into groups (deciles by default): in each, the mean predicted probability against
 * the observed positive rate. A calibrated model has them close, which matters here because the
 * payout threshold is read as a probability.
 */
export function calibrationTable(labels: ArrayLike<number>, probabilities: ArrayLike<number>, options: CalibrationBins = {}): CalibrationRow[] {
  const n = check(labels, probabilities)
  const groups = options.bins ?? 10
  if (!Number.isInteger(groups) || groups < 1) throw new MetricInputError(`bins must be a whole number >= 1, got ${groups}`)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a]! - probabilities[b]! || a - b)
  const groupOf =
    options.strategy === 'equal-width'
      ? (k: number) => Math.min(groups - 1, Math.max(0, Math.floor(probabilities[order[k]!]! * groups)))
      : (k: number) => Math.floor((k * groups) / n)
  const rows: CalibrationRow[] = []
  for (let begin = 0; begin < n; ) {
    const g = groupOf(begin)
    let end = begin
    let predicted = 0
    let observed = 0
    while (end < n && groupOf(end) === g) {
      predicted += probabilities[order[end]!]!
      observed += labels[order[end]!]!
      end++
    }
    rows.push({
      group: g + 1,
      count: end - begin,
      meanPredicted: predicted / (end - begin),
      observedRate: observed / (end - begin),
      minPredicted: probabilities[order[begin]!]!,
      maxPredicted: probabilities[order[end - 1]!]!,
    })
    begin = end
  }
  return rows
}

/**
 * Expected calibration error: the gap between mean prediction and observed rate in each group,
 * weighted by the group's share of rows. 0 for a perfectly calibrated model; equal-width groups by
 * default, the usual definition.
 */
export function expectedCalibrationError(labels: ArrayLike<number>, probabilities: ArrayLike<number>, options: CalibrationBins = {}): number {
  const rows = calibrationTable(labels, probabilities, { strategy: 'equal-width', ...options })
  const n = labels.length
  let sum = 0
  for (const row of rows) sum += (row.count / n) * Math.abs(row.meanPredicted - row.observedRate)
  return sum
}
