import { describe, expect, it } from 'vitest'
import { topImportance } from './importance'

const catalogue = [
  { name: 'payer_not_paid_rate', group: 'history', description: "Share of the payer's claims not paid in full." },
  { name: 'billed_cents', group: 'claim', description: 'The amount billed, in cents.' },
  { name: 'patient_sex', group: 'patient', description: '1 female, 0 male.' },
]

describe('topImportance', () => {
  it('ranks by gain, joins the catalogue and leaves out features never split on', () => {
    const bars = topImportance(
      [
        { feature: 'billed_cents', gain: 10, splits: 4 },
        { feature: 'payer_not_paid_rate', gain: 30, splits: 2 },
        { feature: 'patient_sex', gain: 0, splits: 0 },
      ],
      catalogue,
    )
    expect(bars.map((b) => [b.rank, b.feature, b.share, b.group])).toEqual([
      [0, 'payer_not_paid_rate', 0.75, 'history'],
      [1, 'billed_cents', 0.25, 'claim'],
    ])
    expect(bars[0]!.description).toContain("payer's claims")
  })

  it('keeps the top ones only, and a feature the catalogue lost, without a description', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ feature: `f${String(i).padStart(2, '0')}`, gain: 20 - i, splits: 1 }))
    const bars = topImportance(many, catalogue)
    expect(bars).toHaveLength(15)
    expect(bars.at(-1)!.feature).toBe('f14')
    expect(bars[0]!.description).toBeNull()
    expect(topImportance(many, catalogue, 3).map((b) => b.feature)).toEqual(['f00', 'f01', 'f02'])
  })

  it('is empty for a model without splits', () => {
    expect(topImportance([{ feature: 'billed_cents', gain: 0, splits: 0 }], catalogue)).toEqual([])
  })
})
