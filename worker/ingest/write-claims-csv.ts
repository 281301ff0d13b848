import type { ClaimInput } from '../contracts'
import { CLAIM_CSV_COLUMNS, type ClaimCsvColumn } from '../contracts/claim-csv-columns'
import { writeCsv } from './csv'
import { formatDollars } from './dollars'

/** Writes claims in the upload format, one row per service line: what parseClaimsCsv reads back. */
export function writeClaimsCsv(claims: ClaimInput[]): string {
  const header = CLAIM_CSV_COLUMNS.map((c) => c.name)
  const rows = claims.flatMap((claim) =>
    claim.lines.map((line) => {
      const p = claim.patient
      const cells: Record<ClaimCsvColumn, string> = {
        claim_number: claim.claimNumber,
        payer_id: claim.payer.id,
        payer_name: claim.payer.name,
        service_date: claim.serviceDate,
        place_of_service: claim.placeOfService,
        diagnosis_codes: claim.diagnoses.join(';'),
        procedure_code: line.procedureCode,
        modifiers: line.modifiers.join(';'),
        units: String(line.units),
        charge: formatDollars(line.chargeCents),
        diagnosis_pointers: line.diagnosisPointers.join(';'),
        patient_first_name: p?.firstName ?? '',
        patient_last_name: p?.lastName ?? '',
        patient_dob: p?.dateOfBirth ?? '',
        patient_sex: p ? p.sex : '',
        member_id: p?.memberId ?? '',
        patient_address: p?.address?.line1 ?? '',
        patient_city: p?.address?.city ?? '',
        patient_state: p?.address?.state ?? '',
        patient_zip: p?.address?.postalCode ?? '',
        note: claim.note ?? '',
      }
      return header.map((name) => cells[name])
    }),
  )
  return writeCsv([header, ...rows])
}
