import { describe, expect, it } from 'vitest'
import { cents, parseWithNodeX12 } from './independent-parse'
import type { X12Adjustment, X12Remittance835 } from './model'
import { remittanceBalances } from './remittance-balance'
import { buildTestClaim837, buildTestRemittance, testClaimInput } from './test-claims'
import { write835 } from './write-835'
import type { Write835Options } from './write-835'

const claims = () => [
  buildTestClaim837(testClaimInput()),
  buildTestClaim837(testClaimInput({ claimNumber: 'CP-TEST-0002', lines: [{ procedureCode: '99204', modifiers: [], units: 1, chargeCents: 30_001, diagnosisPointers: [1] }] }), { index: 1 }),
]

function written(r: X12Remittance835, opts: Write835Options = {}): string {
  const result = write835(r, opts)
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`)
  return result.text
}

const GOLDEN_BODY = `ST*835*0001*005010X221A1~
BPR*I*98.4*C*ACH*CCP*01*011000015*DA*1234*1991234567**01*021000021*DA*5678*20260310~
TRN*1*FAKEEFT0001*1991234567~
DTM*405*20260302~
N1*PR*FAKE HEALTH PLAN~
N3*9 FAKE PAYER ROAD~
N4*TESTBURG*IL*60601~
REF*2U*FAKEPAYER01~
PER*BL*EDI DESK*TE*5550100199~
N1*PE*TESTCLINIC ALPHA*XX*1000010003~
LX*1~
CLP*CP-TEST-0001*1*160.5*108.4*20*12*FAKEPCN1000~
SVC*HC:99213:25*125.5*80.4**1~
DTM*472*20260227~
CAS*CO*45*25.1~
CAS*PR*3*20~
LQ*HE*N520~
SVC*HC:87880*35*28**1~
DTM*472*20260227~
CAS*CO*45*7~
PLB*1000010003*20261231*WO:FAKEOVERPAY1*10~
SE*22*0001~
GE*1*1~
IEA*1*000000001~
`

describe('write835', () => {
  it('writes a one-claim remittance exactly as expected (golden), ISA 106 wide', () => {
    const text = written(buildTestRemittance([buildTestClaim837(testClaimInput())], { plbCents: 1_000 }), {
      bank: { payerRoutingNumber: '011000015', payerAccountNumber: '1234', payeeRoutingNumber: '021000021', payeeAccountNumber: '5678' },
      payerTaxId: '99-1234567',
      payerTechnicalContact: { name: 'EDI desk', phone: '555-010-0199' },
    })
    const [isa, gs, ...rest] = text.split('\n')
    expect(isa).toBe('ISA*00*          *00*          *ZZ*FAKEPAYER01    *ZZ*CLAIMPAYTEST   *260302*1405*^*00501*000000001*0*T*:~')
    expect(isa).toHaveLength(106)
    expect(gs).toBe('GS*HP*FAKEPAYER01*CLAIMPAYTEST*20260302*1405*1*X*005010X221A1~')
    expect(rest.join('\n')).toBe(GOLDEN_BODY)
  })

  it('reads back with node-x12 to the same BPR02, CLP03/CLP04 totals, PLB and SE count', () => {
    const remittance = buildTestRemittance(claims(), { plbCents: -2_550 })
    const text = written(remittance)
    const { segments } = parseWithNodeX12(text)
    expect(segments).toHaveLength(text.trim().split('\n').length)
    const tag = (t: string) => segments.filter((s) => s.tag === t)
    const clp = tag('CLP')
    const paid = clp.reduce((sum, s) => sum + cents(s.elements[3]!), 0)
    const plb = tag('PLB').reduce((sum, s) => sum + cents(s.elements[3]!), 0)
    expect(plb).toBe(-2_550)
    expect(cents(tag('BPR')[0]!.elements[1]!)).toBe(remittance.paymentCents)
    expect(cents(tag('BPR')[0]!.elements[1]!)).toBe(paid - plb)
    expect(clp.reduce((sum, s) => sum + cents(s.elements[2]!), 0)).toBe(claims().reduce((sum, c) => sum + c.totalChargeCents, 0))
    expect(paid).toBe(remittance.claims.reduce((sum, c) => sum + c.paidCents, 0))
    const st = segments.findIndex((s) => s.tag === 'ST')
    const se = segments.findIndex((s) => s.tag === 'SE')
    expect(Number(segments[se]!.elements[0])).toBe(se - st + 1)
  })

  it('writes the same bytes for the same input', () => {
    expect(written(buildTestRemittance(claims(), { plbCents: 100 }))).toBe(written(buildTestRemittance(claims(), { plbCents: 100 })))
  })

  it('refuses a remittance whose BPR02 is not sum(CLP04) - sum(PLB)', () => {
    const r = buildTestRemittance(claims(), { plbCents: 1_000 })
    r.paymentCents += 1
    expect(remittanceBalances(r)).toMatchObject({ ok: false, reason: 'unbalanced-remittance', expectedCents: r.paymentCents - 1, actualCents: r.paymentCents })
    const result = write835(r)
    expect(result).toMatchObject({ ok: false, reason: 'unbalanced-remittance' })
    expect('text' in result).toBe(false)
  })

  it('refuses a claim whose CLP03 less its adjustments is not CLP04, naming the claim', () => {
    const r = buildTestRemittance(claims())
    r.claims[1]!.adjustments.push({ group: 'OA', reason: '23', amountCents: 500 })
    expect(write835(r)).toMatchObject({ ok: false, reason: 'unbalanced-claim', claimId: 'CP-TEST-0002' })
    const s = buildTestRemittance(claims())
    s.claims[0]!.services[0]!.paidCents -= 1
    s.claims[0]!.paidCents -= 1
    s.paymentCents -= 1
    expect(write835(s)).toMatchObject({ ok: false, reason: 'unbalanced-service', claimId: 'CP-TEST-0001' })
    expect(remittanceBalances(buildTestRemittance(claims(), { plbCents: 7 }))).toEqual({ ok: true })
  })

  it('splits more than six adjustments of a group over further CAS segments', () => {
    const r = buildTestRemittance(claims())
    const extra: X12Adjustment[] = ['1', '2', '3', '4', '5', '6', '7'].map((reason) => ({ group: 'PR', reason, amountCents: 100, quantity: 1 }))
    r.claims[0]!.adjustments.push(...extra)
    r.claims[0]!.paidCents -= 700
    r.claims[0]!.patientResponsibilityCents += 700
    r.paymentCents -= 700
    const text = written(r)
    expect(text).toContain('CLP*CP-TEST-0001*1*160.5*101.4*27*12*FAKEPCN1000~\nCAS*PR*1*1*1*2*1*1*3*1*1*4*1*1*5*1*1*6*1*1~\nCAS*PR*7*1*1~\nSVC*')
  })

  it('writes a zero payment as BPR*H with NON, and a denial with its CAS', () => {
    const r = buildTestRemittance([claims()[1]!])
    const claim = r.claims[0]!
    claim.statusCode = '4'
    claim.paidCents = 0
    claim.patientResponsibilityCents = 0
    claim.services = []
    claim.adjustments = [{ group: 'CO', reason: '29', amountCents: claim.chargeCents }]
    r.paymentCents = 0
    r.paymentMethod = 'NON'
    const text = written(r)
    expect(text).toContain('BPR*H*0*C*NON************20260310~')
    expect(text).toContain('CLP*CP-TEST-0002*4*300.01*0*0*12*FAKEPCN1000~\nCAS*CO*29*300.01~\nSE*')
  })

  it('writes negative provider adjustments and the patient when known', () => {
    const r = buildTestRemittance(claims(), { plbCents: -1_005 })
    const text = written(r, { patientFor: (id) => (id === 'CP-TEST-0001' ? { entityType: '1', lastOrOrganizationName: 'Testpatient', firstName: 'Alpha', id: 'ZZT100000' } : undefined), claimFilingIndicator: (id) => (id === 'CP-TEST-0002' ? 'MC' : undefined) })
    expect(text).toContain('*WO:FAKEOVERPAY1*-10.05~')
    expect(text).toContain('CLP*CP-TEST-0001*1*160.5*108.4*20*12*FAKEPCN1000~\nNM1*QC*1*TESTPATIENT*ALPHA****MI*ZZT100000~')
    expect(text).toMatch(/CLP\*CP-TEST-0002\*1\*300\.01\*[0-9.]+\*20\*MC\*FAKEPCN1001~/)
  })

  it('refuses a delimiter in a remark code as an error value', () => {
    const r = buildTestRemittance(claims())
    r.claims[0]!.services[0]!.remarks = ['N5*20']
    expect(write835(r)).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'LQ', claimId: 'CP-TEST-0001' })
  })
})
