import { describe, expect, it } from 'vitest'
import { icd10Ranges, inAnyIcd10Range } from './icd10-range'
import { inAnyProcedureRange, procedureRanges } from './procedure-range'

describe('code ranges', () => {
  it('hold every subcode of their categories, with or without the dot, and O9A at the end of chapter 15', () => {
    const pregnancy = icd10Ranges('O00-O9A')
    expect(['O00.0', 'O80', 'O99.89', 'O9A.11'].every((c) => inAnyIcd10Range(c, pregnancy))).toBe(true)
    expect(['N99.0', 'P00.0'].some((c) => inAnyIcd10Range(c, pregnancy))).toBe(false)
    expect(inAnyIcd10Range('R97.20', icd10Ranges('R97.2'))).toBe(true)
    expect(inAnyIcd10Range('R97.1', icd10Ranges('R97.2'))).toBe(false)
  })

  it('compare procedure codes only with codes of the same shape', () => {
    const surgery = procedureRanges('10004-69990')
    expect(inAnyProcedureRange('20610', surgery)).toBe(true)
    expect(inAnyProcedureRange('0591T', procedureRanges('05900-05999'))).toBe(false)
    expect(inAnyProcedureRange('G0102', procedureRanges('G0102-G0103'))).toBe(true)
    expect(inAnyProcedureRange('99213', surgery)).toBe(false)
  })
})
