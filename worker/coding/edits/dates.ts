/** CMS files write dates as YYYYMMDD; claims as YYYY-MM-DD. Both compare as strings once compact. */
export function compactDate(isoOrCompact: string): string {
  return isoOrCompact.replaceAll('-', '')
}

/** In force on a date: effective on or before it and, when deleted, deleted on or after it (CMS deletion dates are the last day an edit applies). */
export function inForce(period: { effective: string; deletion: string | null }, date: string): boolean {
  const d = compactDate(date)
  return period.effective <= d && (period.deletion === null || d <= period.deletion)
}
