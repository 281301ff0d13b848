import type { EditClaim, EditLine } from '../types'

/** Tests only: a line that fails nothing on its own. */
export function editLine(procedureCode: string, extra: Partial<EditLine> = {}): EditLine {
  return { procedureCode, modifiers: [], units: 1, diagnosisPointers: [1], ...extra }
}

/** Tests only: an office visit and a blood count for type 2 diabetes and hypertension, which fails no edit. */
export function editClaim(overrides: Partial<EditClaim> = {}): EditClaim {
  return {
    serviceDate: '2026-03-02',
    diagnoses: ['E119', 'I10'],
    lines: [editLine('99213', { diagnosisPointers: [1, 2] }), editLine('85025')],
    patient: { ageYears: 54, sex: 'F' },
    ...overrides,
  }
}
