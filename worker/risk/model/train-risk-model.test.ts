import { describe, expect, it } from 'vitest'
import { FEATURE_NAMES, replayHistory } from '../features'
import { compareOnHeldOut } from './compare-models'
import { engineHistory } from './engine-history'
import { FeatureMatrixBuilder } from './feature-matrix-builder'
import { predictOne, train } from '../gbdt'
import { loadRiskArtifact, riskArtifactOf } from './risk-artifact'
import { scoreWithModel } from './score-with-model'
import { RiskTrainParams } from '../../contracts/risk'
import { heldOutSlice, trainRiskModel } from './train-risk-model'

const history = engineHistory({ seed: 7, claimsPerDay: 30, from: '2024-09-01', to: '2026-08-31' })
const replayed = replayHistory(history)

function matrixOf(rows = replayed.rows, labels = replayed.labels) {
  const data = new FeatureMatrixBuilder(FEATURE_NAMES.length)
  rows.forEach((row, i) => data.push(row.values, labels[i]!, replayed.claims[i]!.submittedDate))
  return data
}

const params = RiskTrainParams.parse({ trees: 120 })

describe('trainRiskModel on two years of a practice', () => {
  const data = matrixOf()
  const trained = trainRiskModel(data, 1, params)
  if (!trained.ok) throw new Error(trained.message)

  it('ranks held-out newer claims well and reports honest metrics', () => {
    const { report } = trained
    expect(history.length).toBeGreaterThan(10_000)
    expect(report.rows.test).toBe(Math.round(data.rows * 0.1) + (data.rows - Math.round(data.rows * 0.9) - Math.round(data.rows * 0.1)))
    expect(report.test.calibrated.auc).toBeGreaterThan(0.75)
    // Calibrated on its own slice, the probabilities read as rates on the newest claims.
    expect(report.test.calibrated.ece).toBeLessThan(0.05)
    expect(report.dataWindow.from <= report.dataWindow.to).toBe(true)
    expect(report.importance[0]!.gain).toBeGreaterThan(0)
  })

  it('scores a claim from its artifact alone, with reasons when the score is low', () => {
    const loaded = loadRiskArtifact(JSON.stringify(trained.artifact))
    if (!loaded.ok) throw new Error(loaded.message)
    const scores = replayed.rows.slice(-500).map((row) => scoreWithModel(loaded.model, row))
    for (const s of scores) {
      expect(s.score).toBe(Math.round(100 * s.probability))
      expect(s.modelVersion).toBe(1)
    }
    const low = scores.filter((s) => s.score <= 80)
    expect(low.length).toBeGreaterThan(0)
    expect(low.every((s) => s.reasons.length > 0 && s.reasons.every((r) => r.message.length > 20))).toBe(true)
  })

  it('compares a candidate and the active model on the same held-out claims', () => {
    const weaker = trainRiskModel(data, 2, RiskTrainParams.parse({ trees: 2, maxDepth: 1, earlyStoppingRounds: 0 }))
    if (!weaker.ok) throw new Error(weaker.message)
    const comparison = compareOnHeldOut(weaker.model, trained.model, heldOutSlice(data))
    expect(comparison.activeVersion).toBe(1)
    expect(comparison.candidateBetter).toBe(false)
    expect(compareOnHeldOut(trained.model, weaker.model, heldOutSlice(data)).candidateBetter).toBe(true)
  })
})

describe('trainRiskModel refuses data it cannot learn from', () => {
  it('needs enough claims', () => {
    const few = matrixOf(replayed.rows.slice(0, 50), replayed.labels.slice(0, 50))
    expect(trainRiskModel(few, 1, params)).toMatchObject({ ok: false, reason: 'too-few-rows' })
  })

  it('needs both outcomes in every slice', () => {
    const allPaid = matrixOf(replayed.rows.slice(0, 1000), replayed.labels.slice(0, 1000).map(() => 1))
    const result = trainRiskModel(allPaid, 1, params)
    expect(result).toMatchObject({ ok: false, reason: 'one-class-slice' })
    expect(result.ok ? '' : result.message).toContain('paid in full')
  })
})

describe('loadRiskArtifact', () => {
  const data = matrixOf(replayed.rows.slice(0, 3000), replayed.labels.slice(0, 3000))
  const trained = trainRiskModel(data, 3, RiskTrainParams.parse({ trees: 10 }))
  if (!trained.ok) throw new Error(trained.message)
  const good = JSON.parse(JSON.stringify(trained.artifact)) as Record<string, unknown>

  it.each([
    ['not JSON', '{"format":', 'not-json'],
    ['another kind of file', { format: 'something-else' }, 'not-a-risk-model'],
    ['another format version', { ...good, formatVersion: 99 }, 'unsupported-version'],
    ['a calibration that runs backwards', { ...good, calibration: { kind: 'isotonic', x: [0, 1], y: [1, 0] } }, 'corrupt'],
    ['trees cut short', { ...good, gbdt: { ...(good.gbdt as object), trees: 'nope' } }, 'corrupt'],
    ['a feature this build does not compute', { ...good, featureNames: ['made_up', ...(good.featureNames as string[]).slice(1)], gbdt: { ...(good.gbdt as object), featureNames: ['made_up', ...(good.featureNames as string[]).slice(1)] } }, 'unknown-feature'],
  ])('refuses %s with a clear reason', (_, input, reason) => {
    const result = loadRiskArtifact(input)
    expect(result).toMatchObject({ ok: false, reason })
    expect(result.ok ? '' : result.message.length).toBeGreaterThan(10)
  })

  it('scores with a model whose features are a reordered subset of the catalogue', () => {
    expect(loadRiskArtifact(good)).toMatchObject({ ok: true, model: { identity: true } })
    const picked = ['days_to_submission', 'modifier_25_missing', 'units_over_mue'] as const
    const cols = picked.map((name) => FEATURE_NAMES.indexOf(name))
    const rows = replayed.rows.slice(0, 3000).map((r) => cols.map((c) => r.values[c]!))
    const small = train({ rows, labels: replayed.labels.slice(0, 3000), featureNames: [...picked] }, { trees: 20 })
    if (!small.ok) throw new Error(small.message)
    const loaded = loadRiskArtifact(JSON.parse(JSON.stringify(riskArtifactOf({ modelVersion: 4, featureVersion: 1, gbdt: small.model, calibration: { kind: 'isotonic', x: [0, 1], y: [0, 1] } }))))
    if (!loaded.ok) throw new Error(loaded.message)
    expect(loaded.model.identity).toBe(false)
    const row = replayed.rows[10]!
    expect(scoreWithModel(loaded.model, row).rawProbability).toBeCloseTo(predictOne(small.model, cols.map((c) => row.values[c]!)), 12)
  })
})
