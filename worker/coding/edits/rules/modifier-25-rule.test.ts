import { describe, expect, it } from 'vitest'
import { buildEditTables } from '../edit-tables'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'

describe('modifier 25 on a visit with a same-day procedure', () => {
  it('is asked for when an office visit is billed with a joint injection', () => {
    const claim = editClaim({ lines: [editLine('99213'), editLine('20610'), editLine('85025')] })
    expect(runEdits(claim)).toEqual([
      {
        code: 'em-modifier-25-missing',
        severity: 'deny',
        lines: [1, 2],
        diagnoses: [],
        message: expect.stringMatching(/^Line 1 \(99213\) is a visit billed with a procedure on the same day \(line 2\) but has no modifier 25/) as string,
      },
    ])
  })

  it('is satisfied by 25 or 57 on the visit', () => {
    expect(runEdits(editClaim({ lines: [editLine('99213', { modifiers: ['25'] }), editLine('20610')] }))).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('99223', { modifiers: ['57'] }), editLine('27447')] }))).toEqual([])
  })

  it('is not asked for with labs or imaging, nor with a procedure on another day', () => {
    expect(runEdits(editClaim({ lines: [editLine('99213'), editLine('85025'), editLine('71046')] }))).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('99213'), editLine('96372', { serviceDate: '2026-03-03' })] }))).toEqual([])
  })

  it('is the only edit when NCCI also pairs the visit with the procedure (one fix, one edit)', () => {
    const tables = buildEditTables({ ptp: [{ column1: '96372', column2: '99213', effective: '20200101', deletion: null, modifierIndicator: 1 }] })
    const claim = editClaim({ lines: [editLine('99213'), editLine('96372')] })
    expect(runEdits(claim, tables).map((e) => e.code)).toEqual(['em-modifier-25-missing'])
    expect(runEdits(editClaim({ lines: [editLine('99213', { modifiers: ['25'] }), editLine('96372')] }), tables)).toEqual([])
  })
})
