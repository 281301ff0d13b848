// HistoryRecord -> X12 837P claim. The envelope is the caller's: control numbers belong to the file.
import type { HistoryRecord, Provider } from '../engine'
import type { X12Claim837, X12Envelope, X12Party } from '../../payers/x12/model'
import { normalizeText } from '../../payers/x12/x12-format'
import { birthDateFor, patientAddress, practiceAddress, syntheticPatientName } from './synthetic-parties'

export const SYNTHETIC_SUBMITTER: X12Party = { entityType: '2', lastOrOrganizationName: 'CLAIMPAY SYNTHETIC', idQualifier: '46', id: 'CLAIMPAYSYN' }
export const SYNTHETIC_SUBMITTER_CONTACT = { name: 'Synthetic Data Desk', phone: '555-010-0100' }
export const SYNTHETIC_RECEIVER: X12Party = { entityType: '2', lastOrOrganizationName: 'SYNTHETIC CLEARINGHOUSE', idQualifier: '46', id: 'SYNCLEAR' }

export function toX12Claim837(record: HistoryRecord, provider: Provider, envelope: X12Envelope): X12Claim837 {
  const { claim, patient } = record
  const name = syntheticPatientName(patient)
  return {
    kind: '837P',
    envelope,
    submitter: SYNTHETIC_SUBMITTER,
    receiver: SYNTHETIC_RECEIVER,
    billingProvider: {
      entityType: '2',
      lastOrOrganizationName: normalizeText(provider.name),
      idQualifier: 'XX',
      id: provider.organizationNpi,
      address: practiceAddress(provider),
      taxId: provider.tin.replace(/\D/g, ''),
    },
    renderingProvider: { entityType: '1', lastOrOrganizationName: 'SYNTHETIC', firstName: 'CLINICIAN', idQualifier: 'XX', id: record.renderingNpi },
    subscriber: {
      entityType: '1',
      lastOrOrganizationName: name.last,
      firstName: name.first,
      idQualifier: 'MI',
      id: patient.memberId,
      address: patientAddress(patient, provider),
      birthDate: birthDateFor(patient.age, claim.serviceDate),
      sex: patient.sex,
    },
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
