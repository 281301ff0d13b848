import { describe, expect, it } from 'vitest'
import { ICD10CM_DESCRIPTIONS_COUNT } from '../generated/icd10cm-descriptions'
import { decodeFrontCoded } from './front-coded'
import { icd10Description, icd10Entries, procedureDescription } from './descriptions'

describe('front-coded descriptions', () => {
  it('decodes shared prefixes of code and text', () => {
    expect(decodeFrontCoded('0A000|0|Cholera due to X\n31|c|Y, biovar\n210|0|Typhoid')).toEqual([
      ['A000', 'Cholera due to X'],
      ['A001', 'Cholera due Y, biovar'],
      ['A010', 'Typhoid'],
    ])
  })

  it('holds every billable ICD-10-CM code with its official description', () => {
    expect(icd10Entries()).toHaveLength(ICD10CM_DESCRIPTIONS_COUNT)
    expect(icd10Description('I10')).toBe('Essential (primary) hypertension')
    expect(icd10Description('E11.22')).toBe('Type 2 diabetes mellitus with diabetic chronic kidney disease')
    expect(icd10Description('E11')).toBeUndefined()
  })

  it('describes HCPCS Level II and our supported CPT codes', () => {
    expect(procedureDescription('J3420')).toMatch(/b-12|b12|cyanocobalamin/i)
    expect(procedureDescription('99213')).toMatch(/established patient/)
    expect(procedureDescription('12345')).toBeUndefined()
  })
})
