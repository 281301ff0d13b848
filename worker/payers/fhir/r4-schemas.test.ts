import { describe, expect, it } from 'vitest'
import { R4Claim, R4Money } from './r4-schemas'

describe('R4 schemas', () => {
  it('money is USD with at most two decimals', () => {
    expect(R4Money.safeParse({ value: 12.34, currency: 'USD' }).success).toBe(true)
    expect(R4Money.safeParse({ value: 0.3, currency: 'USD' }).success).toBe(true)
    expect(R4Money.safeParse({ value: 12.345, currency: 'USD' }).success).toBe(false)
    expect(R4Money.safeParse({ value: 12, currency: 'EUR' }).success).toBe(false)
  })

  it('a Claim needs its required elements: no diagnosis, no item, or an id with "_" fails', () => {
    expect(R4Claim.safeParse({ resourceType: 'Claim', id: 'c-1', status: 'active' }).success).toBe(false)
    const issues = R4Claim.safeParse({ resourceType: 'Claim', id: 'c_1' }).error?.issues.map((i) => i.path[0])
    expect(issues).toEqual(expect.arrayContaining(['id', 'diagnosis', 'item', 'total', 'patient', 'provider', 'insurance']))
  })
})
