import { formatCount, formatPercent, formatScore } from './format'
import type { ModelMetrics } from './model-report'

export type MetricRow = {
  key: 'auc' | 'logLoss' | 'brier' | 'ece' | 'positiveRate' | 'rows'
  label: string
  /** What the figure says, for the row's description. */
  hint: string
  format: (value: number | null) => string
}

/** The held-out figures in the order admins read them: ranking first, then probability quality. */
export const METRIC_ROWS: readonly MetricRow[] = [
  { key: 'auc', label: 'AUC', hint: 'How well it ranks claims paid in full above the rest: 0.5 is chance, higher is better.', format: formatScore },
  { key: 'logLoss', label: 'Log loss', hint: 'Penalty for confident mistakes; lower is better.', format: formatScore },
  { key: 'brier', label: 'Brier score', hint: 'Mean squared gap between probability and outcome; lower is better.', format: formatScore },
  { key: 'ece', label: 'Calibration error', hint: 'Mean gap between predicted and observed payment rates, weighted by claims (ECE); lower is better.', format: (v) => formatPercent(v) },
  { key: 'positiveRate', label: 'Paid in full', hint: 'Share of the held-out claims the payer paid in full.', format: (v) => formatPercent(v) },
  { key: 'rows', label: 'Held-out claims', hint: 'The newest claims, kept out of training, calibration and early stopping.', format: formatCount },
]

export const metricValue = (metrics: ModelMetrics, row: MetricRow): number | null => metrics[row.key]
