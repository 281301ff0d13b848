import type { ClaimInput } from '../../contracts/claim'
import type { X12Claim837 } from './model'
import { normalizeText } from './x12-format'

/** The parts of an 837 claim that come from the claim itself; the parties come from elsewhere. */
export type X12ClaimBody = Pick<X12Claim837, 'payer' | 'claimId' | 'totalChargeCents' | 'placeOfService' | 'frequencyCode' | 'diagnoses' | 'lines'>

/**
 * A claim as ClaimPay holds it, as an original (frequency 1) 837 claim: diagnoses in order with the
 * first as principal (ABK), every line dated with the claim's date of service.
 */
export function x12ClaimBodyFrom(claim: ClaimInput): X12ClaimBody {
  return {
    payer: { entityType: '2', lastOrOrganizationName: normalizeText(claim.payer.name), idQualifier: 'PI', id: claim.payer.id },
    claimId: claim.claimNumber,
    totalChargeCents: claim.lines.reduce((sum, l) => sum + l.chargeCents, 0),
    placeOfService: claim.placeOfService,
    frequencyCode: '1',
    diagnoses: claim.diagnoses.map((code, i) => ({ qualifier: i === 0 ? 'ABK' : 'ABF', code })),
    lines: claim.lines.map((l, i) => ({
      lineNumber: i + 1,
      procedureCode: l.procedureCode,
      modifiers: [...l.modifiers],
      chargeCents: l.chargeCents,
      unitBasis: 'UN',
      units: l.units,
      diagnosisPointers: [...l.diagnosisPointers],
      serviceDate: claim.serviceDate,
    })),
  }
}
