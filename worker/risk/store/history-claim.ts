import type { schema } from '../../db'
import type { HistoryClaim } from '../features'

type HistoryRow = typeof schema.claimHistory.$inferSelect

/** A claim_history row as the trainer replays it. History keeps no payer names, so the id stands in. */
export function historyClaimOf(row: HistoryRow): HistoryClaim {
  return {
    providerId: row.providerId,
    payerId: row.payerId,
    payerName: row.payerId,
    serviceDate: row.serviceDate,
    submittedDate: row.submittedDate,
    adjudicatedDate: row.adjudicatedDate,
    billedCents: row.billedCents,
    placeOfService: row.placeOfService,
    lines: row.cptCodes.map((procedureCode, i) => ({ procedureCode, modifiers: row.lineModifiers[i] ?? [], units: row.lineUnits[i] ?? 1 })),
    diagnoses: row.icdCodes,
    patientAge: row.patientAge,
    patientSex: row.patientSex,
    coder: null,
    paidInFull: row.outcome === 'paid',
    patientKey: row.patientKey,
  }
}
