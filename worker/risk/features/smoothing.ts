/**
 * Claims' worth of the overall rate mixed into every rate: a code seen twice with one denial reads as
 * about 19% (with a 15% prior), not 50%, and a code seen a thousand times speaks for itself.
 */
export const PRIOR_STRENGTH = 20

/** The share not paid in full, pulled toward `prior` by PRIOR_STRENGTH claims. */
export function smoothedRate(notPaid: number, claims: number, prior: number): number {
  return (notPaid + PRIOR_STRENGTH * prior) / (claims + PRIOR_STRENGTH)
}
