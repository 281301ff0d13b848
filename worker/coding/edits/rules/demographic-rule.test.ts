import { describe, expect, it } from 'vitest'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'
import type { EditClaim } from '../types'

const summary = (claim: EditClaim) => runEdits(claim).map((e) => [e.code, e.severity, e.lines, e.diagnoses])

describe('age and sex edits', () => {
  it('flag a pregnancy diagnosis for a male patient, naming the lines that point to it', () => {
    const claim = editClaim({ diagnoses: ['O80'], lines: [editLine('99213')], patient: { sex: 'M', ageYears: 30 } })
    expect(summary(claim)).toEqual([['dx-sex-conflict', 'deny', [1], [1]]])
    expect(runEdits(claim)[0]?.message).toBe('Diagnosis 1 (O80) is pregnancy, childbirth or the puerperium, for female patients only, but the patient is male.')
  })

  it('flag a pregnancy diagnosis outside ages 12 to 55, and pass one inside', () => {
    const lines = [editLine('99213')]
    expect(summary(editClaim({ diagnoses: ['Z3400'], lines, patient: { sex: 'F', ageYears: 60 } }))).toEqual([['dx-age-conflict', 'deny', [1], [1]]])
    expect(summary(editClaim({ diagnoses: ['Z3400'], lines, patient: { sex: 'F', ageYears: 11 } }))).toEqual([['dx-age-conflict', 'deny', [1], [1]]])
    expect(summary(editClaim({ diagnoses: ['Z3400'], lines, patient: { sex: 'F', ageYears: 30 } }))).toEqual([])
  })

  it('flag prostate codes for a female patient and female genital codes for a male patient', () => {
    const lines = [editLine('99213')]
    expect(summary(editClaim({ diagnoses: ['N400'], lines, patient: { sex: 'F', ageYears: 70 } }))).toEqual([['dx-sex-conflict', 'deny', [1], [1]]])
    expect(summary(editClaim({ diagnoses: ['Z124'], lines, patient: { sex: 'M', ageYears: 40 } }))).toEqual([['dx-sex-conflict', 'deny', [1], [1]]])
  })

  it('send a newborn P code for an adult to review, not denial (chapter 16 codes may follow a patient)', () => {
    expect(summary(editClaim({ diagnoses: ['P0730'], lines: [editLine('99213')], patient: { sex: 'F', ageYears: 40 } }))).toEqual([['dx-age-conflict', 'review', [1], [1]]])
    expect(summary(editClaim({ diagnoses: ['P0730'], lines: [editLine('99213')], patient: { sex: 'F', ageYears: 0 } }))).toEqual([])
  })

  it('flag examination codes for the wrong age group', () => {
    expect(summary(editClaim({ diagnoses: ['Z0000'], lines: [editLine('99213')], patient: { sex: 'M', ageYears: 9 } }))).toEqual([['dx-age-conflict', 'deny', [1], [1]]])
  })

  it('judge nothing the claim does not state: unknown sex, no age, no patient', () => {
    expect(runEdits(editClaim({ diagnoses: ['O80', 'N400'], lines: [editLine('99213')], patient: { sex: 'U' } }))).toEqual([])
    const { patient: _omitted, ...withoutPatient } = editClaim({ diagnoses: ['O80'], lines: [editLine('99213')] })
    expect(runEdits(withoutPatient)).toEqual([])
  })

  it('stand down on sex when the line carries KX (the service is right for this patient)', () => {
    const claim = editClaim({ diagnoses: ['N400'], lines: [editLine('99213', { modifiers: ['KX'] })], patient: { sex: 'F', ageYears: 50 } })
    expect(runEdits(claim)).toEqual([])
  })

  it('flag a sex-specific procedure for the other sex and a preventive visit for the wrong age band', () => {
    expect(summary(editClaim({ lines: [editLine('76805')], patient: { sex: 'M', ageYears: 30 } }))).toEqual([['procedure-sex-conflict', 'deny', [1], []]])
    expect(summary(editClaim({ lines: [editLine('76805', { modifiers: ['KX'] })], patient: { sex: 'M', ageYears: 30 } }))).toEqual([])
    const child = editClaim({ diagnoses: ['Z00129'], lines: [editLine('99385')], patient: { sex: 'F', ageYears: 10 } })
    expect(summary(child)).toContainEqual(['procedure-age-conflict', 'deny', [1], []])
    expect(runEdits(child).find((e) => e.code === 'procedure-age-conflict')?.message).toContain('a preventive visit for ages 18 to 39, but the patient is 10')
    expect(summary(editClaim({ diagnoses: ['Z00129'], lines: [editLine('99383')], patient: { sex: 'F', ageYears: 10 } }))).toEqual([])
    expect(summary(editClaim({ diagnoses: ['Z00110'], lines: [editLine('99381')], patient: { sex: 'F', ageYears: 0 } }))).toEqual([])
  })
})
