import { describe, expect, it } from 'vitest'
import { buildEditTables } from '../edit-tables'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'

describe('code set edits', () => {
  it('pass a claim whose codes are billable and known', () => {
    expect(runEdits(editClaim())).toEqual([])
  })

  it('flag a header code as not billable, naming its position', () => {
    expect(runEdits(editClaim({ diagnoses: ['R51', 'I10'] }))).toEqual([
      { code: 'dx-header', severity: 'deny', lines: [], diagnoses: [1], message: expect.stringContaining('Diagnosis 1: R51 is a category header') as string },
    ])
  })

  it('flag an unknown diagnosis and an unknown procedure', () => {
    const edits = runEdits(editClaim({ diagnoses: ['E119', 'Q99.99'], lines: [editLine('99213'), editLine('99999')] }))
    expect(edits.map((e) => [e.code, e.lines, e.diagnoses])).toEqual([
      ['dx-unknown', [], [2]],
      ['procedure-unknown', [2], []],
    ])
    expect(edits[0]?.message).toContain('Q99.99 is not an ICD-10-CM code')
    expect(edits[1]?.message).toContain('Line 2 (99999)')
  })

  it('take a procedure a loaded CMS file names although the bundled code set does not', () => {
    const hcpcs = buildEditTables({ hcpcs: [{ kind: 'procedure', code: 'A0001', description: 'x', effective: '20260101', termination: null }] })
    expect(runEdits(editClaim({ lines: [editLine('A0001')] }), hcpcs)).toEqual([])
    const ptp = buildEditTables({ ptp: [{ column1: '0001A', column2: '36591', effective: '20220101', deletion: '20231231', modifierIndicator: 0 }] })
    expect(runEdits(editClaim({ lines: [editLine('0001A')] }), ptp)).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('0001A')] })).map((e) => e.code)).toEqual(['procedure-unknown'])
  })

  it('flag a pointer past the last diagnosis', () => {
    const edits = runEdits(editClaim({ lines: [editLine('99213', { diagnosisPointers: [1, 3] })] }))
    expect(edits).toEqual([
      { code: 'dx-pointer-out-of-range', severity: 'deny', lines: [1], diagnoses: [], message: 'Line 1 (99213) points to diagnosis 3, but the claim lists 2 diagnoses.' },
    ])
  })
})
