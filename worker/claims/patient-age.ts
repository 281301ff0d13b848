/** Safe Harbor: ages over 89 are reported as one group, so 90 stands for "90 or older". */
export const OLDEST_REPORTED_AGE = 90

/** Whole years between a date of birth and a date of service (both YYYY-MM-DD), capped at 90; null if either is unusable. */
export function ageOnDate(dateOfBirth: string, on: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth)
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on)
  if (!birth || !day) return null
  const [, by, bm, bd] = birth.map(Number) as [number, number, number, number]
  const [, y, m, d] = day.map(Number) as [number, number, number, number]
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
  return age < 0 ? null : Math.min(age, OLDEST_REPORTED_AGE)
}
