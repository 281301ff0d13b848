import type { ClaimInput } from '../../contracts'
import type { GeneratedClaim } from './stream'

/**
 * A generated claim as a practice would upload it: the engine's claim with the patient from the
 * panel and the note's text. (A minimal mapping of our own: the export module had no ClaimInput
 * conversion when the runner was written.)
 */
export function claimDraftOf({ record, patient }: GeneratedClaim): ClaimInput {
  return {
    ...record.claim,
    patient: {
      firstName: patient.firstName,
      lastName: patient.lastName,
      dateOfBirth: patient.birthDate,
      sex: patient.sex,
      memberId: patient.coverage.memberId,
      address: { line1: patient.address.line1, city: patient.address.city, state: patient.address.state, postalCode: patient.address.zip },
    },
    note: record.note.text,
  }
}
