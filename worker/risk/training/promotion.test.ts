import { describe, expect, it } from 'vitest'
import { checkPromotion } from './promotion'

const metrics = (auc: number) => ({ auc, logLoss: 0.3 })
const candidate = (comparison: unknown, state = 'candidate') => ({ version: 3, state, report: { comparison } })
const active = { version: 2, state: 'active', report: {} }

describe('checkPromotion', () => {
  it('promotes a first model, and a candidate that beat the active one on the same held-out claims', () => {
    expect(checkPromotion(candidate(null), undefined)).toEqual({ ok: true })
    expect(checkPromotion(candidate({ activeVersion: 2, candidateBetter: true, candidate: metrics(0.8), active: metrics(0.7) }), active)).toEqual({ ok: true })
  })

  it.each([
    ['a model that is not a candidate', candidate(null, 'retired'), 'not-a-candidate'],
    ['a candidate never compared with the active model', candidate(null), 'not-compared'],
    ['a candidate compared with an older active model', candidate({ activeVersion: 1, candidateBetter: true, candidate: metrics(0.8), active: metrics(0.7) }), 'compared-with-another'],
    ['a candidate that did not beat it', candidate({ activeVersion: 2, candidateBetter: false, candidate: metrics(0.7), active: metrics(0.8) }), 'not-better'],
  ])('refuses %s', (_, row, reason) => {
    const result = checkPromotion(row, active)
    expect(result).toMatchObject({ ok: false, reason })
  })
})
