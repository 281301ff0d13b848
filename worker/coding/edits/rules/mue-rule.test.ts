import { describe, expect, it } from 'vitest'
import { buildEditTables } from '../edit-tables'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'
import { excerptEditTables } from '../test/excerpt-tables'

const tables = excerptEditTables()

describe('MUE edits', () => {
  it('deny more units of a code on one day than its MUE (0009U: 2, clinical)', () => {
    expect(runEdits(editClaim({ lines: [editLine('0009U', { units: 2 })] }), tables)).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('0009U', { units: 3 })] }), tables)).toEqual([
      {
        code: 'mue-exceeded',
        severity: 'deny',
        lines: [1],
        diagnoses: [],
        message: "Line 1 bills 3 units of 0009U on 2026-03-02; Medicare's MUE allows at most 2 (per day, a clinical limit: an appeal with records may succeed).",
      },
    ])
  })

  it('add up the lines of a day for date-of-service edits, whatever their modifiers', () => {
    const claim = editClaim({ lines: [editLine('0009U', { units: 2 }), editLine('85025'), editLine('0009U', { modifiers: ['91'] })] })
    const edits = runEdits(claim, tables)
    expect(edits.map((e) => [e.code, e.lines])).toEqual([['mue-exceeded', [1, 3]]])
    expect(edits[0]?.message).toMatch(/^Lines 1 and 3 bill 3 units of 0009U/)
  })

  it('count days apart when lines carry their own dates', () => {
    const claim = editClaim({ lines: [editLine('0009U', { units: 2 }), editLine('0009U', { units: 2, serviceDate: '2026-03-03' })] })
    expect(runEdits(claim, tables)).toEqual([])
  })

  it('limit each line, not the day, for line edits (indicator 1)', () => {
    const lineEdit = buildEditTables({ mue: [{ code: '97110', units: 4, adjudication: 1 }] })
    expect(runEdits(editClaim({ lines: [editLine('97110', { units: 3 }), editLine('97110', { units: 3, modifiers: ['59'] })] }), lineEdit)).toEqual([])
    const edits = runEdits(editClaim({ lines: [editLine('97110', { units: 5 })] }), lineEdit)
    expect(edits.map((e) => [e.code, e.lines])).toEqual([['mue-exceeded', [1]]])
    expect(edits[0]?.message).toContain('bills 5 units')
  })

  it('apply a limit of unknown kind per day, the stricter reading', () => {
    const unknown = buildEditTables({ mue: [{ code: '97110', units: 4, adjudication: null }] })
    const claim = editClaim({ lines: [editLine('97110', { units: 3 }), editLine('97110', { units: 3, modifiers: ['59'] })] })
    expect(runEdits(claim, unknown).map((e) => e.code)).toEqual(['mue-exceeded'])
  })
})
