import { describe, expect, it } from 'vitest'
import { CPT, HCPCS, dottedIcd10, procedureSystem, toFhirId } from './code-systems'

describe('code systems', () => {
  it('tells HCPCS Level II from CPT, Category II/III included', () => {
    expect(procedureSystem('99213')).toBe(CPT)
    expect(procedureSystem('3044F')).toBe(CPT)
    expect(procedureSystem('0042T')).toBe(CPT)
    expect(procedureSystem('J3420')).toBe(HCPCS)
  })

  it('writes ICD-10-CM with its dot, whatever came in', () => {
    expect(dottedIcd10('E119')).toBe('E11.9')
    expect(dottedIcd10('E11.9')).toBe('E11.9')
    expect(dottedIcd10('S72001A')).toBe('S72.001A')
    expect(dottedIcd10('I10')).toBe('I10')
  })

  it('makes FHIR ids of ours, or says it cannot', () => {
    expect(toFhirId('clm_01JD3X')).toBe('clm-01JD3X')
    expect(toFhirId('has space')).toBeNull()
    expect(toFhirId('x'.repeat(65))).toBeNull()
  })
})
