import { describe, expect, it } from 'vitest'
import { ClaimReason } from '../../contracts'
import { claimFixture } from '../../test/claim-fixture'
import { ageOn, claimForEdits } from './claim-for-edits'
import { runEdits } from './run-edits'
import { editClaim, editLine } from './test/edit-claim-fixture'

describe('runEdits', () => {
  it('reports every edit a claim fails, each a ClaimReason a biller can read', () => {
    const claim = editClaim({
      diagnoses: ['R51', 'O80'],
      lines: [editLine('99213', { diagnosisPointers: [1, 2] }), editLine('20610'), editLine('20610'), editLine('85025', { diagnosisPointers: [4] })],
      patient: { sex: 'M', ageYears: 40 },
    })
    const edits = runEdits(claim)
    expect(edits.map((e) => e.code)).toEqual(['dx-header', 'dx-pointer-out-of-range', 'dx-sex-conflict', 'em-modifier-25-missing', 'duplicate-line'])
    for (const edit of edits) expect(ClaimReason.safeParse(edit).success).toBe(true)
    expect(edits.find((e) => e.code === 'em-modifier-25-missing')?.lines).toEqual([1, 2, 3])
  })

  it('returns the same edits for the same claim (no state between calls)', () => {
    const claim = editClaim({ lines: [editLine('0009U', { units: 5 })] })
    expect(runEdits(claim)).toEqual(runEdits(claim))
  })
})

describe('claimForEdits', () => {
  it('turns a submitted claim into what the edits read, with an age instead of a birth date', () => {
    const input = claimFixture({ patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1990-03-03', sex: 'F', memberId: 'M1' } })
    const claim = claimForEdits(input)
    expect(claim.patient).toEqual({ sex: 'F', ageYears: 35 })
    expect(JSON.stringify(claim)).not.toContain('1990')
    expect(runEdits(claim)).toEqual([])
  })

  it('counts age in whole years, the birthday itself included', () => {
    expect(ageOn('1990-03-02', '2026-03-02')).toBe(36)
    expect(ageOn('1990-03-03', '2026-03-02')).toBe(35)
    expect(ageOn('2026-01-01', '2026-03-02')).toBe(0)
  })
})
