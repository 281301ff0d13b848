import { describe, expect, it } from 'vitest'
import { exposureDots, exposureSummary, niceMax } from './exposure-chart'

describe('the exposure chart', () => {
  const dots = exposureDots([
    { day: '2026-03-01', exposureCents: '0' },
    { day: '2026-03-02', exposureCents: '950000' },
    { day: '2026-03-03', exposureCents: '400050' },
  ])

  it('places each day with its dollars and exact label', () => {
    expect(dots.map((d) => [d.index, d.dollars, d.label])).toEqual([
      [0, 0, '$0.00'],
      [1, 9500, '$9,500.00'],
      [2, 4000.5, '$4,000.50'],
    ])
  })

  it('rounds the axis up to a readable amount', () => {
    expect([niceMax(0), niceMax(9500), niceMax(12), niceMax(2100), niceMax(100)]).toEqual([100, 10_000, 20, 2500, 100])
  })

  it('describes the window in words', () => {
    expect(exposureSummary(dots)).toBe('Exposure over 3 days: $0.00 on 2026-03-01, $4,000.50 on 2026-03-03, highest $9,500.00 on 2026-03-02.')
    expect(exposureSummary([])).toBe('No exposure figures.')
  })
})
