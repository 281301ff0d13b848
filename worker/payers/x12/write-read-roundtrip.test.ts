// Writers against the readers beside them: what we write, we read back unchanged. Fixtures are in wire
// form (see test-claims.ts), so any difference is a real loss in one direction or the other.
import { describe, expect, it } from 'vitest'
import { read277CA } from './read-277ca'
import { read835 } from './read-835'
import { read837 } from './read-837'
import type { X12Ack277CA } from './model'
import { TEST_RECEIVER, TEST_SUBMITTER, TEST_SUBMITTER_CONTACT, buildTestClaim837, buildTestRemittance, testClaimInput, testEnvelope } from './test-claims'
import { write277CA } from './write-277ca'
import { write835 } from './write-835'
import { write837P } from './write-837p'

const claims = () => [
  buildTestClaim837(testClaimInput(), { dependant: true, priorAuthorization: 'FAKEAUTH1', renderingProvider: true }),
  buildTestClaim837(testClaimInput({ claimNumber: 'CP-TEST-0002', diagnoses: ['E119', 'I10', 'E785'] }), { index: 1 }),
]

describe('write then read', () => {
  it('837P: the claims come back equal', () => {
    const written = write837P(claims(), { envelope: testEnvelope(), submitter: TEST_SUBMITTER, submitterContact: TEST_SUBMITTER_CONTACT, receiver: TEST_RECEIVER })
    if (!written.ok) throw new Error(written.message)
    const read = read837(written.text)
    expect(read.issues).toEqual([])
    expect(read.claims).toEqual(claims())
  })

  it('835: the remittance comes back equal (payer id aside: REF*2U is not read back)', () => {
    const remittance = buildTestRemittance(claims(), { plbCents: 1_234 })
    const written = write835(remittance)
    if (!written.ok) throw new Error(written.message)
    const read = read835(written.text)
    expect(read.issues).toEqual([])
    const { id: _id, idQualifier: _q, ...payer } = remittance.payer
    expect(read.remittances).toHaveLength(1)
    expect({ ...read.remittances[0]!, payer: { ...read.remittances[0]!.payer, id: undefined, idQualifier: undefined } }).toEqual({ ...remittance, payer: { ...payer, id: undefined, idQualifier: undefined } })
  })

  it('277CA: the acknowledgements come back equal', () => {
    const ack: X12Ack277CA = {
      envelope: testEnvelope({ implementationGuide: '005010X214' }),
      claims: [
        { claimId: 'CP-TEST-0001', category: 'A2', status: '20', chargeCents: 16_050, payerClaimControlNumber: 'FAKEPCN1' },
        { claimId: 'CP-TEST-0002', category: 'A7', status: '21', chargeCents: 500, message: 'MISSING SUBSCRIBER ID' },
      ],
    }
    const claim = claims()[0]!
    const written = write277CA(ack, { payer: claim.payer, receiver: TEST_RECEIVER, billingProvider: claim.billingProvider, batchReference: 'BATCH1' })
    if (!written.ok) throw new Error(written.message)
    const read = read277CA(written.text)
    expect(read.issues).toEqual([])
    expect(read.acknowledgements).toEqual([ack])
  })
})
