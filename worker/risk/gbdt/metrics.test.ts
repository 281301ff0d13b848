import { describe, expect, it } from 'vitest'
import { auc, brierScore, calibrationTable, expectedCalibrationError, logLoss, MetricInputError } from './metrics'

describe('metrics', () => {
  it('AUC counts ordered pairs, ties as one half', () => {
    // 3 of 4 positive-negative pairs ordered right.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75)
    // The pair tied at 0.5 counts 0.5: (0.5 + 1 + 1 + 1) / 4.
    expect(auc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBe(0.875)
    expect(auc([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3])).toBe(0.5)
    expect(auc([1, 1, 0], [0.1, 0.2, 0.9])).toBe(0)
    expect(auc([1, 1], [0.1, 0.2])).toBeNaN()
  })

  it('log loss and Brier score', () => {
    // -(ln 0.8 + ln 0.7) / 2
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(0.2899092476264711, 15)
    // A certain miss is clipped, not infinite.
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true)
    // (0.2^2 + 0.3^2) / 2
    expect(brierScore([1, 0], [0.8, 0.3])).toBeCloseTo(0.065, 15)
  })

  it('calibration table: equal-count groups by prediction', () => {
    const table = calibrationTable([1, 0, 1, 1], [0.9, 0.1, 0.2, 0.8], { bins: 2 })
    expect(table.map(({ meanPredicted, ...rest }) => rest)).toEqual([
      { group: 1, count: 2, observedRate: 0.5, minPredicted: 0.1, maxPredicted: 0.2 },
      { group: 2, count: 2, observedRate: 1, minPredicted: 0.8, maxPredicted: 0.9 },
    ])
    expect(table[0]!.meanPredicted).toBeCloseTo(0.15, 15)
    expect(table[1]!.meanPredicted).toBeCloseTo(0.85, 15)
    const deciles = calibrationTable(Array.from({ length: 25 }, (_, i) => i % 2), Array.from({ length: 25 }, (_, i) => i / 25))
    expect(deciles).toHaveLength(10)
    expect(deciles.reduce((s, r) => s + r.count, 0)).toBe(25)
  })

  it('calibration table: equal-width bins leave out empty ones', () => {
    const table = calibrationTable([0, 1, 1, 0, 1], [0.05, 0.12, 0.18, 0.91, 1], { strategy: 'equal-width' })
    expect(table.map((r) => [r.group, r.count, r.observedRate])).toEqual([
      [1, 1, 0],
      [2, 2, 1],
      [10, 2, 0.5],
    ])
  })

  it('expected calibration error: zero when predictions match observed rates, the weighted gap otherwise', () => {
    // Two equal-width bins each predicting exactly its observed rate.
    expect(expectedCalibrationError([0, 0, 0, 1, 1, 1, 1, 0], [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75])).toBeCloseTo(0, 15)
    // Everything predicted 0.9, half positive: gap 0.4 over all rows.
    expect(expectedCalibrationError([1, 0, 1, 0], [0.9, 0.9, 0.9, 0.9])).toBeCloseTo(0.4, 15)
  })

  it('refuses mismatched or empty input', () => {
    expect(() => auc([1, 0], [0.5])).toThrow(MetricInputError)
    expect(() => logLoss([], [])).toThrow(MetricInputError)
    expect(() => calibrationTable([1], [0.5], { bins: 0 })).toThrow(MetricInputError)
  })
})
