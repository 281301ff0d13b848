import type { StoredClaim } from '../../claims'
import type { RiskSubject } from '../features'

/** A pipeline claim as the risk engine sees it: submitted the day ClaimPay received it. */
export function liveRiskSubject(claim: StoredClaim): RiskSubject {
  return {
    providerId: claim.providerId,
    payerId: claim.payerId,
    payerName: claim.payerName,
    serviceDate: claim.serviceDate,
    submittedDate: claim.createdAt.slice(0, 10),
    billedCents: claim.billedCents,
    placeOfService: claim.placeOfService,
    lines: claim.lines.map((l) => ({ procedureCode: l.procedureCode, modifiers: l.modifiers, units: l.units })),
    diagnoses: claim.diagnoses,
    patientAge: claim.patientAge ?? null,
    patientSex: claim.patientSex ?? null,
    coder: null,
  }
}
