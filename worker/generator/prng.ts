/** A seeded random source: the same seed gives the same demo on every machine and every run. */
export type Random = {
  next(): number
  /** Whole number from min to max, both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
}

/**
 * mulberry32: a 32-bit generator, small and fast, statistically fine for demo data (not for
 * anything secret). Math.random cannot be seeded, so it would make demos impossible to reproduce.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new RangeError('pick from an empty list')
      return item
    },
    chance: (probability) => next() < probability,
  }
}
