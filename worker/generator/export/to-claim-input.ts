// HistoryRecord -> the claim as a practice submits it to our API, with its patient and clinical note.
import type { ClaimInput, PatientInput } from '../../contracts'
import type { HistoryRecord, Provider } from '../engine'
import { birthDateFor, patientAddress, syntheticPatientName } from './synthetic-parties'

// The synthetic parties are upper case as X12 writes them; a practice system submits names as typed.
const titleCase = (text: string) => text.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase())

export function toPatientInput(record: HistoryRecord, provider: Provider): PatientInput {
  const name = syntheticPatientName(record.patient)
  const address = patientAddress(record.patient, provider)
  return {
    firstName: titleCase(name.first),
    lastName: titleCase(name.last),
    dateOfBirth: birthDateFor(record.patient.age, record.claim.serviceDate),
    sex: record.patient.sex,
    memberId: record.patient.memberId,
    address: { line1: titleCase(address.line1), city: address.city, state: address.state, postalCode: address.postalCode },
  }
}

export function toClaimInput(record: HistoryRecord, provider: Provider): ClaimInput {
  return { ...record.claim, patient: toPatientInput(record, provider), note: record.note.text }
}
