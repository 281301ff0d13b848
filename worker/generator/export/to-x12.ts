// HistoryRecord -> X12 837P claim. The envelope is the caller's: control numbers belong to the file.
import type { HistoryRecord, Provider } from '../engine'
import { x12ClaimBodyFrom } from '../../payers/x12/claim-from-input'
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
    ...x12ClaimBodyFrom(claim),
  }
}
