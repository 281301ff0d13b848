import { describe, expect, it } from 'vitest'
import { Icd10Code, ProcedureCode } from './claim'

describe('ProcedureCode', () => {
  it('accepts every CPT shape and HCPCS Level II', () => {
    for (const code of ['99213', '3044F', '0013M', '0042T', '0001U', 'J1100', 'g0008']) {
      expect(ProcedureCode.safeParse(code).success, code).toBe(true)
    }
  })

  it('refuses what is not a procedure code', () => {
    for (const code of ['9921', '992131', '0013X', 'Z1234', 'ABCDE']) {
      expect(ProcedureCode.safeParse(code).success, code).toBe(false)
    }
  })
})

describe('Icd10Code', () => {
  it('drops the dot and upper-cases, as X12 carries codes', () => {
    expect(Icd10Code.parse('e11.9')).toBe('E119')
  })
})
