import { describe, expect, it } from 'vitest'
import { runEdits } from '../run-edits'
import { editClaim, editLine } from '../test/edit-claim-fixture'
import { excerptEditTables } from '../test/excerpt-tables'

const tables = excerptEditTables()

describe('discontinued modifiers (HCPCS file dates)', () => {
  it('flag a modifier used after it was discontinued', () => {
    const edits = runEdits(editClaim({ lines: [editLine('85025', { modifiers: ['GD'] })] }), tables)
    expect(edits).toEqual([
      {
        code: 'modifier-discontinued',
        severity: 'deny',
        lines: [1],
        diagnoses: [],
        message: 'Line 1 (85025): modifier GD was discontinued after 2019-12-31, so it is invalid on 2026-03-02; remove it or use its replacement.',
      },
    ])
  })

  it('flag a modifier used before it takes effect, and pass one in force', () => {
    expect(runEdits(editClaim({ lines: [editLine('85025', { modifiers: ['AC'] })] }), tables)[0]?.message).toContain('AC is not effective until 2026-07-01')
    expect(runEdits(editClaim({ serviceDate: '2024-06-01', lines: [editLine('85025', { modifiers: ['JG'] })] }), tables)).toEqual([])
  })

  it('judge nothing the file does not list (CPT modifiers such as 59)', () => {
    expect(runEdits(editClaim({ lines: [editLine('85025', { modifiers: ['59'] })] }), tables)).toEqual([])
  })
})
