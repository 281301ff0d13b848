import { describe, expect, it } from 'vitest'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'

describe('diagnosis-procedure plausibility', () => {
  it('sends a prenatal service pointed at a male-only diagnosis to review', () => {
    const claim = editClaim({ diagnoses: ['Z3400', 'N400'], lines: [editLine('76805', { diagnosisPointers: [2, 1] })], patient: {} })
    expect(runEdits(claim)).toEqual([
      {
        code: 'dx-procedure-implausible',
        severity: 'review',
        lines: [1],
        diagnoses: [2],
        message: 'Line 1 (76805) is prenatal or obstetric care but points to diagnosis 2 (N40.0), a male-only diagnosis: point it to the diagnosis the service treated.',
      },
    ])
  })

  it('sends a preventive visit pointed at the other age group’s examination code to review', () => {
    const claim = editClaim({ diagnoses: ['Z00121'], lines: [editLine('99395')], patient: {} })
    expect(runEdits(claim).map((e) => [e.code, e.lines, e.diagnoses])).toEqual([['dx-procedure-implausible', [1], [1]]])
  })

  it('says nothing about pairs outside its short table', () => {
    expect(runEdits(editClaim({ diagnoses: ['Z3400'], lines: [editLine('76805')], patient: {} }))).toEqual([])
    expect(runEdits(editClaim({ diagnoses: ['N400'], lines: [editLine('99213')], patient: {} }))).toEqual([])
  })
})
