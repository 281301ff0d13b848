// Fixtures for tests: X12 claims built from our ClaimInput contract with synthetic parties. Every name
// says it is fake, every NPI passes the check digit, and the same inputs give the same claim. Values are
// already in the form the writers put on the wire (upper case, digits-only postal codes and tax ids,
// padded control numbers), so writing then reading gives back an equal value.
import type { ClaimInput } from '../../contracts/claim'
import type { X12Adjustment, X12Claim837, X12ClaimPayment, X12Envelope, X12Party, X12Remittance835 } from './model'
import { x12ClaimBodyFrom } from './claim-from-input'
import { npiFrom } from './npi'

export const TEST_CREATED_AT = '2026-03-02T14:05:00Z'

export function testEnvelope(overrides: Partial<X12Envelope> = {}): X12Envelope {
  return {
    senderId: 'CLAIMPAYTEST',
    receiverId: 'FAKECLEARING',
    interchangeControlNumber: '000000001',
    groupControlNumber: '1',
    transactionControlNumber: '0001',
    implementationGuide: '005010X222A1',
    createdAt: TEST_CREATED_AT,
    usage: 'T',
    ...overrides,
  }
}

export const TEST_SUBMITTER: X12Party = { entityType: '2', lastOrOrganizationName: 'CLAIMPAY TEST SUBMITTER', idQualifier: '46', id: 'CLAIMPAYTEST' }
export const TEST_SUBMITTER_CONTACT = { name: 'Test Desk', phone: '555-010-0100' }
export const TEST_RECEIVER: X12Party = { entityType: '2', lastOrOrganizationName: 'FAKE CLEARINGHOUSE', idQualifier: '46', id: 'FAKECLEARING' }

/** A synthetic NPI: nine digits from `n`, then the check digit. */
export function testNpi(n: number): string {
  return npiFrom(String(100_000_000 + (n % 800_000_000)))!
}

const FIRST_NAMES = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT']

export type TestParties = {
  /** Picks the synthetic provider and patient, so different claims get different parties. */
  index?: number
  /** Adds a dependant patient (2000C loop) instead of the subscriber being the patient. */
  dependant?: boolean
  priorAuthorization?: string
  renderingProvider?: boolean
}

/** An 837P claim from a ClaimInput (as zod outputs it), with fake parties around it. */
export function buildTestClaim837(input: ClaimInput, parties: TestParties = {}): X12Claim837 {
  const i = parties.index ?? 0
  const first = FIRST_NAMES[i % FIRST_NAMES.length]!
  const subscriber: X12Claim837['subscriber'] = {
    entityType: '1',
    lastOrOrganizationName: 'TESTPATIENT',
    firstName: first,
    idQualifier: 'MI',
    id: `ZZT${String(100_000 + i)}`,
    address: { line1: `${100 + i} FAKE STREET`, city: 'TESTVILLE', state: 'TX', postalCode: '75001' },
    birthDate: '1980-05-17',
    sex: i % 2 === 0 ? 'F' : 'M',
  }
  const claim: X12Claim837 = {
    kind: '837P',
    envelope: testEnvelope(),
    submitter: TEST_SUBMITTER,
    receiver: TEST_RECEIVER,
    billingProvider: {
      entityType: '2',
      lastOrOrganizationName: `TESTCLINIC ${first}`,
      idQualifier: 'XX',
      id: testNpi(1_000 + i),
      address: { line1: '1 SYNTHETIC PLAZA', line2: 'SUITE 100', city: 'TESTVILLE', state: 'TX', postalCode: '750011234' },
      taxId: `99000${String(1000 + i)}`,
    },
    subscriber,
    ...x12ClaimBodyFrom(input),
  }
  if (parties.dependant) {
    claim.patient = { entityType: '1', lastOrOrganizationName: 'TESTPATIENT', firstName: 'JUNIOR', birthDate: '2015-09-01', sex: 'U', relationship: '19', address: subscriber.address }
  }
  if (parties.priorAuthorization) claim.priorAuthorization = parties.priorAuthorization
  if (parties.renderingProvider) {
    claim.renderingProvider = { entityType: '1', lastOrOrganizationName: 'TESTDOCTOR', firstName: first, idQualifier: 'XX', id: testNpi(5_000 + i) }
  }
  return claim
}

/** A small valid ClaimInput (already in zod's output shape). */
export function testClaimInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    claimNumber: 'CP-TEST-0001',
    payer: { id: 'FAKEPAYER01', name: 'Fake Health Plan' },
    serviceDate: '2026-02-27',
    placeOfService: '11',
    diagnoses: ['J069', 'R0981'],
    lines: [
      { procedureCode: '99213', modifiers: ['25'], units: 1, chargeCents: 12_550, diagnosisPointers: [1, 2] },
      { procedureCode: '87880', modifiers: [], units: 1, chargeCents: 3_500, diagnosisPointers: [1] },
    ],
    ...overrides,
  }
}

/**
 * A balanced 835 paying the claims: each line allowed at 80% (CO-45 for the rest), of which a $20 copay
 * (PR-3) on the first line is the patient's; an optional provider-level deduction (PLB).
 */
export function buildTestRemittance(claims: readonly X12Claim837[], opts: { plbCents?: number; envelope?: Partial<X12Envelope> } = {}): X12Remittance835 {
  const payments: X12ClaimPayment[] = claims.map((claim, c) => {
    const services = claim.lines.map((line, n) => {
      const allowed = Math.floor((line.chargeCents * 8) / 10)
      const copay = n === 0 ? Math.min(2_000, allowed) : 0
      const adjustments: X12Adjustment[] = [{ group: 'CO', reason: '45', amountCents: line.chargeCents - allowed }]
      if (copay > 0) adjustments.push({ group: 'PR', reason: '3', amountCents: copay })
      return {
        procedureCode: line.procedureCode,
        modifiers: [...line.modifiers],
        chargeCents: line.chargeCents,
        paidCents: allowed - copay,
        units: line.units,
        ...(line.serviceDate === undefined ? {} : { serviceDate: line.serviceDate }),
        adjustments,
        remarks: n === 0 ? ['N520'] : [],
      }
    })
    return {
      claimId: claim.claimId,
      statusCode: '1',
      chargeCents: claim.totalChargeCents,
      paidCents: services.reduce((sum, s) => sum + s.paidCents, 0),
      patientResponsibilityCents: services.reduce((sum, s) => sum + s.adjustments.filter((a) => a.group === 'PR').reduce((t, a) => t + a.amountCents, 0), 0),
      payerClaimControlNumber: `FAKEPCN${String(1_000 + c)}`,
      adjustments: [],
      services,
    }
  })
  const plb = opts.plbCents ?? 0
  const first = claims[0]
  return {
    envelope: testEnvelope({ senderId: 'FAKEPAYER01', receiverId: 'CLAIMPAYTEST', implementationGuide: '005010X221A1', ...opts.envelope }),
    paymentCents: payments.reduce((sum, p) => sum + p.paidCents, 0) - plb,
    paymentMethod: 'ACH',
    paymentDate: '2026-03-10',
    traceNumber: 'FAKEEFT0001',
    payer: { entityType: '2', lastOrOrganizationName: first?.payer.lastOrOrganizationName ?? 'FAKE HEALTH PLAN', idQualifier: 'PI', id: first?.payer.id ?? 'FAKEPAYER01', address: { line1: '9 FAKE PAYER ROAD', city: 'TESTBURG', state: 'IL', postalCode: '60601' } },
    payee: { entityType: '2', lastOrOrganizationName: first?.billingProvider.lastOrOrganizationName ?? 'TESTCLINIC ALPHA', idQualifier: 'XX', id: first?.billingProvider.id ?? testNpi(1_000) },
    claims: payments,
    providerAdjustments: plb === 0 ? [] : [{ providerId: first?.billingProvider.id ?? testNpi(1_000), fiscalPeriodDate: '2026-12-31', reason: 'WO', referenceId: 'FAKEOVERPAY1', amountCents: plb }],
  }
}
