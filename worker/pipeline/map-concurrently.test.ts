import { describe, expect, it } from 'vitest'
import { mapConcurrently } from './map-concurrently'

describe('mapConcurrently', () => {
  it('keeps results in input order', async () => {
    const out = await mapConcurrently([30, 10, 20], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms))
      return ms * 2
    })
    expect(out).toEqual([60, 20, 40])
  })

  it('never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    await mapConcurrently(Array.from({ length: 25 }, (_, i) => i), 4, async () => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, 1))
      running--
    })
    expect(peak).toBe(4)
  })

  it('handles an empty list', async () => {
    expect(await mapConcurrently([], 3, async (x) => x)).toEqual([])
  })
})
