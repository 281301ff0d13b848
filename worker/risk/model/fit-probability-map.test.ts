import { describe, expect, it } from 'vitest'
import { calibrate } from '../gbdt'
import { mulberry32 } from '../../generator/prng'
import { fitProbabilityMap } from './fit-probability-map'

/** Outcomes drawn with probability truth(p): a model whose raw p is systematically off. */
function sample(n: number, truth: (p: number) => number, seed: number) {
  const random = mulberry32(seed)
  const raw: number[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const p = 0.05 + 0.9 * random.next()
    raw.push(p)
    labels.push(random.next() < truth(p) ? 1 : 0)
  }
  return { raw, labels }
}

describe('fitProbabilityMap', () => {
  it('corrects an overconfident model so that stated probabilities match observed rates', () => {
    const truth = (p: number) => 0.3 + 0.4 * p
    const { raw, labels } = sample(20_000, truth, 1)
    const fitted = fitProbabilityMap(raw, labels)
    if (!fitted.ok) throw new Error(fitted.message)
    for (const p of [0.1, 0.5, 0.9]) expect(Math.abs(calibrate(fitted.fit.calibration, p) - truth(p))).toBeLessThan(0.04)
  })

  it('never states certainty and never reorders claims', () => {
    const { raw, labels } = sample(2_000, (p) => (p > 0.5 ? 1 : 0), 2)
    const fitted = fitProbabilityMap(raw, labels)
    if (!fitted.ok) throw new Error(fitted.message)
    const { y } = fitted.fit.calibration
    expect(Math.min(...y)).toBeGreaterThan(0)
    expect(Math.max(...y)).toBeLessThan(1)
    expect(y.every((v, i) => i === 0 || v >= y[i - 1]!)).toBe(true)
  })

  it('passes on a bad label as a value', () => {
    expect(fitProbabilityMap([0.2, 0.4], [0, 2])).toMatchObject({ ok: false, reason: 'bad-label' })
  })
})
