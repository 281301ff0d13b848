/** Paid out same day only when the score is strictly above the threshold: a tie is not good enough. */
export function isApprovedForPayout(score: number, threshold: number): boolean {
  return score > threshold
}
