import { describe, expect, it } from 'vitest'
import { dailyExposure } from './exposure-series'

describe('dailyExposure', () => {
  const today = new Date('2026-03-10T15:00:00Z')

  it('carries the balance across quiet days and folds older changes into the first day', () => {
    const points = dailyExposure(
      [
        { day: '2026-01-02', deltaCents: 500n },
        { day: '2026-03-08', deltaCents: 1_000n },
        { day: '2026-03-10', deltaCents: -300n },
      ],
      today,
      7,
    )
    expect(points.map((p) => p.day)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'])
    expect(points.map((p) => p.exposureCents)).toEqual(['500', '500', '500', '500', '1500', '1500', '1200'])
  })

  it('is all zeros for a pool with no entries, and adds beyond 2^53 without rounding', () => {
    expect(dailyExposure([], today, 3)).toEqual([
      { day: '2026-03-08', exposureCents: '0' },
      { day: '2026-03-09', exposureCents: '0' },
      { day: '2026-03-10', exposureCents: '0' },
    ])
    const big = 2n ** 53n
    expect(dailyExposure([{ day: '2026-03-10', deltaCents: big }, { day: '2026-03-10', deltaCents: 1n }], today, 1)).toEqual([{ day: '2026-03-10', exposureCents: (big + 1n).toString() }])
  })
})
