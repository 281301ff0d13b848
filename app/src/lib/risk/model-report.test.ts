import { describe, expect, it } from 'vitest'
import { readReport, totalRows } from './model-report'

const metrics = (auc: number | null) => ({
  rows: 100,
  positiveRate: 0.82,
  auc,
  logLoss: 0.41,
  brier: 0.12,
  ece: 0.02,
  calibration: [{ group: 8, count: 100, meanPredicted: 0.83, observedRate: 0.82, minPredicted: 0.8, maxPredicted: 0.89 }],
})

const report = {
  featureVersion: 1,
  dataWindow: { from: '2024-11-22', to: '2026-11-20' },
  rows: { train: 600, validation: 100, calibration: 150, test: 150 },
  treesKept: 120,
  stoppedEarly: true,
  test: { raw: metrics(0.8), calibrated: metrics(0.8) },
  importance: [{ feature: 'payer_not_paid_rate', gain: 12.5, splits: 30 }],
  calibrationMap: { calibration: { kind: 'isotonic', x: [0.1, 0.9], y: [0.2, 0.95] }, method: 'platt', crossValidatedLogLoss: { isotonic: 0.42, platt: 0.41 } },
  comparison: null,
}

describe('readReport', () => {
  it('reads a trained model’s report', () => {
    const reading = readReport({ report })
    expect(reading.kind).toBe('ok')
    if (reading.kind !== 'ok') return
    expect(reading.report.test.calibrated.auc).toBe(0.8)
    expect(totalRows(reading.report)).toBe(1000)
  })

  it('keeps a metric the trainer could not compute as null, and a report without comparison as not compared', () => {
    const { comparison: _none, ...older } = report
    const reading = readReport({ report: { ...older, test: { raw: metrics(null), calibrated: metrics(0.8) } } })
    expect(reading.kind === 'ok' && reading.report.test.raw.auc).toBeNull()
    expect(reading.kind === 'ok' && reading.report.comparison).toBeNull()
  })

  it('tells a model without a report from one whose report this page cannot read', () => {
    expect(readReport({ report: null })).toEqual({ kind: 'none' })
    expect(readReport({ report: { featureVersion: 1 } })).toEqual({ kind: 'unreadable' })
  })
})
