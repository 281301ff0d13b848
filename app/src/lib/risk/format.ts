// Model figures for people: AUC and losses to three decimals, rates as percentages. A missing figure
// (null, or NaN from a one-class slice) shows as a dash rather than a misleading zero.

const missing = (x: number | null | undefined): x is null | undefined => x == null || !Number.isFinite(x)

/** AUC, log loss, Brier: three decimals, as model reports are usually read. */
export function formatScore(x: number | null | undefined, digits = 3): string {
  if (missing(x)) return '—'
  return x.toFixed(digits)
}

/** A share of 0-1 as a percentage: 0.8234 -> "82.3%". */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (missing(share)) return '—'
  return `${(share * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`
}

export function formatCount(n: number | null | undefined): string {
  if (missing(n)) return '—'
  return n.toLocaleString('en-US')
}

/** Split gain sums run from fractions to thousands: enough digits to compare, no more. */
export function formatGain(gain: number): string {
  if (missing(gain)) return '—'
  return gain.toLocaleString('en-US', { maximumSignificantDigits: 4 })
}

/** A model's version as admins say it: "v3". */
export const versionLabel = (version: number): string => `v${version}`
