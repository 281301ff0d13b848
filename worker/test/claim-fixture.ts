import type { ClaimInput, ClaimLineInput } from '../contracts'

/** A service line that passes every stage unless a test overrides part of it. */
export function lineFixture(procedureCode: string, extra: Partial<ClaimLineInput> = {}): ClaimLineInput {
  return { procedureCode, modifiers: [], units: 1, chargeCents: 12_500, diagnosisPointers: [1], ...extra }
}

/**
 * A claim that passes every stage: billable diagnoses (E11.9, I10), known codes (an office visit and a
 * blood count), billed 153.50 USD. Tests override only what they are about.
 */
export function claimFixture(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    claimNumber: 'T-1',
    payer: { id: '12502', name: 'Medicare Part B' },
    serviceDate: '2026-03-02',
    placeOfService: '11',
    diagnoses: ['E119', 'I10'],
    lines: [lineFixture('99213', { diagnosisPointers: [1, 2] }), lineFixture('85025', { chargeCents: 2_850 })],
    ...overrides,
  }
}
