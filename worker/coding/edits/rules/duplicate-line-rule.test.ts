import { describe, expect, it } from 'vitest'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'

describe('duplicate lines', () => {
  it('flag the same code, modifiers and date twice', () => {
    const claim = editClaim({ lines: [editLine('85025'), editLine('99213'), editLine('85025')] })
    expect(runEdits(claim)).toEqual([
      { code: 'duplicate-line', severity: 'deny', lines: [1, 3], diagnoses: [], message: expect.stringContaining('Line 3 (85025) repeats line 1') as string },
    ])
  })

  it('flag modifiers in another order as the same line', () => {
    const claim = editClaim({ lines: [editLine('20610', { modifiers: ['RT', '59'] }), editLine('20610', { modifiers: ['59', 'RT'] })] })
    expect(runEdits(claim).map((e) => e.code)).toEqual(['duplicate-line'])
  })

  it('let a repeat modifier, another side or another day through', () => {
    expect(runEdits(editClaim({ lines: [editLine('85025'), editLine('85025', { modifiers: ['91'] })] }))).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('20610', { modifiers: ['RT'] }), editLine('20610', { modifiers: ['LT'] })] }))).toEqual([])
    expect(runEdits(editClaim({ lines: [editLine('85025'), editLine('85025', { serviceDate: '2026-03-03' })] }))).toEqual([])
  })
})
