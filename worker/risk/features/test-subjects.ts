import type { HistoryClaim } from './history-replay'

/** A history claim with plain defaults, for tests: override what the test is about. */
export function historyClaim(overrides: Partial<HistoryClaim> = {}): HistoryClaim {
  return {
    providerId: 'prv_a',
    payerId: 'AETNA',
    payerName: 'Aetna',
    serviceDate: '2026-01-05',
    submittedDate: '2026-01-07',
    adjudicatedDate: '2026-02-01',
    billedCents: 15_000,
    placeOfService: '11',
    lines: [{ procedureCode: '99214', modifiers: [], units: 1 }],
    diagnoses: ['E119'],
    patientAge: 54,
    patientSex: 'F',
    coder: null,
    paidInFull: true,
    patientKey: 'pk1',
    ...overrides,
  }
}
