import { describe, expect, it } from 'vitest'
import { calibrate, fitCalibration, parseCalibration } from './calibration'
import type { Calibration } from './calibration'
import { expectedCalibrationError } from './metrics'
import { mulberry32 } from '../../generator/prng'

function fitted(probabilities: number[], labels: number[]): Calibration {
  const result = fitCalibration(probabilities, labels)
  if (!result.ok) throw new Error(result.message)
  return result.calibration
}

describe('isotonic calibration', () => {
  it('pools adjacent violators into a monotone map', () => {
    // Rates by probability: 0, 1, 0, 1 -> the middle pair (1, 0) pools to 0.5.
    const c = fitted([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1])
    expect(c).toEqual({ kind: 'isotonic', x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] })
    expect(calibrate(c, 0.25)).toBe(0.5)
    // Between blocks the map is a straight line; outside the knots it holds the end values.
    expect(calibrate(c, 0.35)).toBeCloseTo(0.75, 15)
    expect(calibrate(c, 0)).toBe(0)
    expect(calibrate(c, 1)).toBe(1)
    expect(calibrate(c, Number.NaN)).toBeNaN()
  })

  it('does not depend on the order of the pairs, and ties are pooled first', () => {
    const p = [0.3, 0.1, 0.3, 0.9, 0.5, 0.1]
    const y = [1, 0, 0, 1, 0, 1]
    const a = fitted(p, y)
    const order = [5, 3, 1, 0, 4, 2]
    expect(fitted(order.map((i) => p[i]!), order.map((i) => y[i]!))).toEqual(a)
    // 0.1 holds labels 0 and 1 and 0.3 holds 1 and 0: both 0.5, then 0 at 0.5 pools down to a third.
    expect(a.y.every((v, i) => i === 0 || v >= a.y[i - 1]!)).toBe(true)
    expect(calibrate(a, 0.9)).toBe(1)
  })

  it('repairs a model that is overconfident, and lowers the calibration error on fresh data', () => {
    // True probability q; the model reports q pushed towards the ends.
    const random = mulberry32(3)
    const draw = (n: number) => {
      const raw: number[] = []
      const labels: number[] = []
      for (let i = 0; i < n; i++) {
        const q = random.next()
        raw.push(q < 0.5 ? q * q * 2 : 1 - (1 - q) * (1 - q) * 2)
        labels.push(random.next() < q ? 1 : 0)
      }
      return { raw, labels }
    }
    const heldOut = draw(5000)
    const fresh = draw(5000)
    const c = fitted(heldOut.raw, heldOut.labels)
    const before = expectedCalibrationError(fresh.labels, fresh.raw)
    const after = expectedCalibrationError(fresh.labels, fresh.raw.map((p) => calibrate(c, p)))
    expect(before).toBeGreaterThan(0.05)
    expect(after).toBeLessThan(0.03)
    // Monotone: the ranking of claims is unchanged (ties aside).
    const sorted = [...fresh.raw].sort((a, b) => a - b).map((p) => calibrate(c, p))
    expect(sorted.every((v, i) => i === 0 || v >= sorted[i - 1]!)).toBe(true)
  })

  it('round-trips through JSON and refuses bad input and corrupt maps as values', () => {
    const c = fitted([0.2, 0.4, 0.6], [0, 1, 1])
    expect(parseCalibration(JSON.parse(JSON.stringify(c)))).toEqual({ ok: true, calibration: c })
    expect(fitCalibration([], [])).toMatchObject({ ok: false, reason: 'no-data' })
    expect(fitCalibration([0.5], [1, 0])).toMatchObject({ ok: false, reason: 'length-mismatch' })
    expect(fitCalibration([0.5, Number.NaN], [1, 0])).toMatchObject({ ok: false, reason: 'bad-probability' })
    expect(fitCalibration([0.5, 0.7], [1, 2])).toMatchObject({ ok: false, reason: 'bad-label' })
    expect(parseCalibration({ kind: 'isotonic', x: [0.1, 0.2], y: [0.5, 0.4] })).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(parseCalibration({ kind: 'isotonic', x: [0.2, 0.1], y: [0.4, 0.5] })).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(parseCalibration({ kind: 'isotonic', x: [0.1], y: [0.4, 0.5] })).toMatchObject({ ok: false, reason: 'corrupt' })
    expect(parseCalibration({ kind: 'platt' })).toMatchObject({ ok: false, reason: 'corrupt' })
  })
})
