import { describe, expect, it } from 'vitest'
import { cents, parseWithNodeX12 } from './independent-parse'
import type { X12Ack277CA } from './model'
import { TEST_RECEIVER, buildTestClaim837, testClaimInput, testEnvelope } from './test-claims'
import { write277CA } from './write-277ca'
import type { Write277CAOptions } from './write-277ca'

const claim = buildTestClaim837(testClaimInput())
const opts: Write277CAOptions = { payer: claim.payer, receiver: TEST_RECEIVER, billingProvider: claim.billingProvider, batchReference: 'BATCH1', receivedDate: '2026-03-02', processedDate: '2026-03-03' }
const ack: X12Ack277CA = {
  envelope: testEnvelope({ senderId: 'FAKEPAYER01', receiverId: 'CLAIMPAYTEST', implementationGuide: '005010X214' }),
  claims: [
    { claimId: 'CP-1', category: 'A2', status: '20', chargeCents: 16_050, payerClaimControlNumber: 'FAKEPCN1' },
    { claimId: 'CP-2', category: 'A7', status: '21', chargeCents: 500, message: 'Missing subscriber id' },
  ],
}

const GOLDEN_BODY = `ST*277*0001*005010X214~
BHT*0085*08*BATCH1*20260302*1405*TH~
HL*1**20*1~
NM1*PR*2*FAKE HEALTH PLAN*****PI*FAKEPAYER01~
TRN*1*BATCH1~
DTP*050*D8*20260302~
DTP*009*D8*20260303~
HL*2*1*21*1~
NM1*41*2*FAKE CLEARINGHOUSE*****46*FAKECLEARING~
TRN*2*BATCH1~
STC*A1:19:PR*20260303*WQ*165.5~
QTY*90*1~
QTY*AA*1~
AMT*YU*160.5~
AMT*YY*5~
HL*3*2*19*1~
NM1*85*2*TESTCLINIC ALPHA*****XX*1000010003~
TRN*1*0~
HL*4*3*PT~
TRN*2*CP-1~
STC*A2:20*20260303*WQ*160.5~
REF*1K*FAKEPCN1~
HL*5*3*PT~
TRN*2*CP-2~
STC*A7:21*20260303*U*5********MISSING SUBSCRIBER ID~
SE*26*0001~
GE*1*1~
IEA*1*000000001~
`

describe('write277CA', () => {
  it('acknowledges each claim with STC, TRN*2 and REF*1K (golden)', () => {
    const result = write277CA(ack, opts)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [isa, gs, ...rest] = result.text.split('\n')
    expect(isa).toHaveLength(106)
    expect(gs).toBe('GS*HN*FAKEPAYER01*CLAIMPAYTEST*20260302*1405*1*X*005010X214~')
    expect(rest.join('\n')).toBe(GOLDEN_BODY)
  })

  it('reads back with node-x12: one STC per claim plus the receiver, amounts and SE count', () => {
    const result = write277CA(ack, { ...opts, patientFor: (id) => ({ entityType: '1', lastOrOrganizationName: 'Testpatient', firstName: id === 'CP-1' ? 'Alpha' : 'Bravo', id: `ZZT-${id}` }) })
    if (!result.ok) throw new Error(result.message)
    const { segments } = parseWithNodeX12(result.text)
    const stc = segments.filter((s) => s.tag === 'STC')
    expect(stc.map((s) => s.elements[0])).toEqual(['A1:19:PR', 'A2:20', 'A7:21'])
    expect(stc.slice(1).map((s) => cents(s.elements[3]!))).toEqual([16_050, 500])
    expect(segments.filter((s) => s.tag === 'NM1' && s.elements[0] === 'QC')).toHaveLength(2)
    const st = segments.findIndex((s) => s.tag === 'ST')
    const se = segments.findIndex((s) => s.tag === 'SE')
    expect(Number(segments[se]!.elements[0])).toBe(se - st + 1)
  })

  it('refuses a delimiter in a message and a claim id as error values', () => {
    expect(write277CA({ ...ack, claims: [{ ...ack.claims[0]!, message: 'bad ~ text' }] }, opts)).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'STC', claimId: 'CP-1' })
    expect(write277CA({ ...ack, claims: [{ ...ack.claims[0]!, claimId: 'CP*1' }] }, opts)).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'TRN' })
  })

  it('is deterministic', () => {
    expect(write277CA(ack, opts)).toEqual(write277CA(ack, opts))
  })
})
