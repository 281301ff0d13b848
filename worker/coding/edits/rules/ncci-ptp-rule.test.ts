import { describe, expect, it } from 'vitest'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'
import { excerptEditTables } from '../test/excerpt-tables'

const tables = excerptEditTables()
const codes = (claim: Parameters<typeof runEdits>[0]) => runEdits(claim, tables).map((e) => e.code)
const edits = (claim: Parameters<typeof runEdits>[0]) => runEdits(claim, tables)

describe('NCCI procedure-to-procedure edits (from the parsed CMS excerpt)', () => {
  it('deny column 2 with column 1 when the modifier indicator is 0, whatever the modifier', () => {
    const claim = editClaim({ serviceDate: '2023-06-01', lines: [editLine('36591', { modifiers: ['59'] }), editLine('0001A')] })
    expect(edits(claim)).toEqual([
      {
        code: 'ncci-ptp-bundled',
        severity: 'deny',
        lines: [1, 2],
        diagnoses: [],
        message: expect.stringMatching(/^Line 1 \(36591\) is bundled into line 2 \(0001A\).*no modifier changes that/) as string,
      },
    ])
  })

  it('apply a pair only on the dates it is in force (deleted 2023-12-31)', () => {
    const lines = [editLine('0001A'), editLine('36591')]
    expect(edits(editClaim({ serviceDate: '2023-12-31', lines }))).toHaveLength(1)
    expect(edits(editClaim({ serviceDate: '2024-01-01', lines }))).toEqual([])
    expect(edits(editClaim({ serviceDate: '2021-12-31', lines }))).toEqual([])
  })

  it('ask for a distinct-service modifier when the indicator is 1, and accept one on either line', () => {
    const lines = [editLine('0001U'), editLine('0030U')]
    expect(codes(editClaim({ lines }))).toEqual(['ncci-ptp-modifier-needed'])
    expect(runEdits(editClaim({ lines }), tables)[0]?.message).toContain('add 59 or XE/XS/XP/XU to line 2')
    expect(codes(editClaim({ lines: [editLine('0001U'), editLine('0030U', { modifiers: ['XU'] })] }))).toEqual([])
    expect(codes(editClaim({ lines: [editLine('0001U', { modifiers: ['59'] }), editLine('0030U')] }))).toEqual([])
  })

  it('do not take 25 as a distinct-service modifier on a line that is not a visit', () => {
    expect(codes(editClaim({ lines: [editLine('0001U'), editLine('0030U', { modifiers: ['25'] })] }))).toEqual(['ncci-ptp-modifier-needed'])
  })

  it('ignore indicator 9 pairs and lines on different days', () => {
    expect(edits(editClaim({ serviceDate: '2022-01-01', lines: [editLine('0001A'), editLine('90473')] }))).toEqual([])
    expect(codes(editClaim({ lines: [editLine('0001U'), editLine('0030U', { serviceDate: '2026-03-03' })] }))).toEqual([])
  })

  it('fire with the table the product ships, without the excerpts', () => {
    expect(runEdits(editClaim({ lines: [editLine('0001U'), editLine('0030U')] })).map((e) => e.code)).toEqual(['ncci-ptp-modifier-needed'])
  })
})
