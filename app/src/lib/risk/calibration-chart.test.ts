import { describe, expect, it } from 'vitest'
import { curvePoints, describeCurve, mapLine, radiusFor } from './calibration-chart'

const bin = (group: number, count: number, meanPredicted: number, observedRate: number) => ({ group, count, meanPredicted, observedRate, minPredicted: meanPredicted - 0.02, maxPredicted: meanPredicted + 0.02 })

describe('calibration chart data', () => {
  it('keeps the bins that held claims, as points', () => {
    const points = curvePoints([bin(7, 40, 0.75, 0.7), bin(8, 0, 0.85, 0), bin(9, 160, 0.93, 0.95)])
    expect(points.map((p) => [p.bin, p.predicted, p.observed, p.count])).toEqual([
      [7, 0.75, 0.7, 40],
      [9, 0.93, 0.95, 160],
    ])
    expect(describeCurve(points)).toBe('Calibration curve with 2 bins: predicted 75.0%, observed 70.0% (40 claims); predicted 93.0%, observed 95.0% (160 claims).')
    expect(describeCurve([])).toMatch(/^No held-out claims/)
  })

  it('extends the fitted map flat to both edges, as scoring applies it', () => {
    expect(mapLine([0.2, 0.5, 0.9], [0.1, 0.6, 0.95])).toEqual([
      { raw: 0, calibrated: 0.1 },
      { raw: 0.2, calibrated: 0.1 },
      { raw: 0.5, calibrated: 0.6 },
      { raw: 0.9, calibrated: 0.95 },
      { raw: 1, calibrated: 0.95 },
    ])
    expect(mapLine([0, 1], [0, 1])).toEqual([
      { raw: 0, calibrated: 0 },
      { raw: 1, calibrated: 1 },
    ])
    expect(mapLine([], [])).toEqual([])
  })

  it('sizes points by the square root of their claims', () => {
    expect(radiusFor(100, 100)).toBe(11)
    expect(radiusFor(25, 100)).toBe(7)
    expect(radiusFor(0, 100)).toBe(3)
    expect(radiusFor(5, 0)).toBe(3)
  })
})
