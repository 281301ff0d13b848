import { describe, expect, it } from 'vitest'
import { ICD10CM_BILLABLE_COUNT, ICD10CM_HEADERS_COUNT, ICD10CM_BILLABLE, ICD10CM_HEADERS } from './generated/icd10cm-billable'
import { PROCEDURE_CODES, PROCEDURE_CODES_COUNT } from './generated/hcpcs-codes'
import { icd10Status, isBillableIcd10, isKnownProcedureCode } from './code-sets'
import { decodeGroupedCodes } from './grouped-codes'

describe('generated code sets', () => {
  it('decode to the counts of the source files', () => {
    expect(decodeGroupedCodes(ICD10CM_BILLABLE).size).toBe(72_621)
    expect(ICD10CM_BILLABLE_COUNT).toBe(72_621)
    expect(decodeGroupedCodes(ICD10CM_HEADERS).size).toBe(ICD10CM_HEADERS_COUNT)
    expect(decodeGroupedCodes(PROCEDURE_CODES).size).toBe(PROCEDURE_CODES_COUNT)
  })
})

describe('icd10Status', () => {
  it('knows billable codes, with or without the dot', () => {
    expect(icd10Status('E119')).toBe('billable')
    expect(icd10Status('e11.9')).toBe('billable')
    expect(icd10Status('I10')).toBe('billable')
    expect(isBillableIcd10('J069')).toBe(true)
  })

  it('knows category headers are not billable', () => {
    expect(icd10Status('R51')).toBe('header')
    expect(icd10Status('E11')).toBe('header')
    expect(isBillableIcd10('E11')).toBe(false)
  })

  it('says unknown for codes that do not exist', () => {
    expect(icd10Status('Z999')).toBe('unknown')
    expect(icd10Status('')).toBe('unknown')
  })
})

describe('isKnownProcedureCode', () => {
  it('knows CPT and HCPCS Level II codes', () => {
    expect(isKnownProcedureCode('99213')).toBe(true)
    expect(isKnownProcedureCode('80053')).toBe(true)
    expect(isKnownProcedureCode('j1885')).toBe(true)
    expect(isKnownProcedureCode('G0008')).toBe(true)
  })

  it('rejects codes that are not in the set', () => {
    expect(isKnownProcedureCode('99999')).toBe(false)
    expect(isKnownProcedureCode('E11')).toBe(false)
  })
})
