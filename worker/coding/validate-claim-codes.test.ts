import { describe, expect, it } from 'vitest'
import { claimFixture } from '../test/claim-fixture'
import { validateClaimCodes } from './validate-claim-codes'

const claim = claimFixture

describe('validateClaimCodes', () => {
  it('accepts a claim whose codes are all valid', () => {
    expect(validateClaimCodes(claim())).toEqual({ ok: true })
  })

  it('says a header code is not billable', () => {
    const result = validateClaimCodes(claim({ diagnoses: ['R51', 'I10'] }))
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'icd10-not-billable', message: expect.stringContaining('R51 is a category header') as string }],
    })
  })

  it('reports unknown diagnoses and procedures, one reason each, naming where', () => {
    const result = validateClaimCodes(
      claim({
        diagnoses: ['E119', 'Q9999'],
        lines: [
          { procedureCode: '99213', modifiers: [], units: 1, chargeCents: 100, diagnosisPointers: [1] },
          { procedureCode: '99999', modifiers: [], units: 1, chargeCents: 100, diagnosisPointers: [2] },
        ],
      }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reasons.map((r) => r.code)).toEqual(['icd10-unknown', 'procedure-unknown'])
    expect(result.reasons[0]?.message).toContain('Diagnosis 2: Q99.99 is not')
    expect(result.reasons[1]?.message).toContain('Line 2')
    expect(result.reasons[1]?.message).toContain('99999')
  })

  it('reports pointers past the last diagnosis', () => {
    const result = validateClaimCodes(
      claim({ lines: [{ procedureCode: '99213', modifiers: [], units: 1, chargeCents: 100, diagnosisPointers: [1, 3] }] }),
    )
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'pointer-out-of-range', message: 'Line 1 points to diagnosis 3, but the claim lists 2 diagnoses.' }],
    })
  })

  it('reports a repeated diagnosis once, not as a coding error too', () => {
    const result = validateClaimCodes(claim({ diagnoses: ['E119', 'I10', 'E119'] }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reasons).toHaveLength(1)
    expect(result.reasons[0]?.code).toBe('duplicate-diagnosis')
    expect(result.reasons[0]?.message).toContain('Diagnosis 3 (E11.9) repeats diagnosis 1')
  })
})
