import type { Random } from '../prng'

/** Index into `weights`, chosen in proportion to the weights (which need not sum to 1). */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  let total = 0
  for (const w of weights) total += w
  let u = random.next() * total
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] ?? 0
    if (u < 0) return i
  }
  return weights.length - 1
}

/** Triangular distribution, rounded: days to payment cluster at the mode with a long tail. */
export function triangular(random: Random, min: number, mode: number, max: number): number {
  const u = random.next()
  const cut = (mode - min) / (max - min || 1)
  const x = u < cut ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode))
  return Math.round(x)
}

/** A typical amount varied uniformly by up to `share` either side, in whole cents, at least 1. */
export function vary(random: Random, cents: number, share: number): number {
  return Math.max(1, Math.round(cents * (1 - share + 2 * share * random.next())))
}

/** Uniform float in [min, max). */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next()
}
