import { describe, expect, it } from 'vitest'
import { ClaimInput } from '../../contracts/claim'
import { cents, parseWithNodeX12 } from './independent-parse'
import type { X12Claim837 } from './model'
import { TEST_RECEIVER, TEST_SUBMITTER, TEST_SUBMITTER_CONTACT, buildTestClaim837, testClaimInput, testEnvelope } from './test-claims'
import { write837P } from './write-837p'
import type { Write837POptions } from './write-837p'

const opts = (overrides: Partial<Write837POptions> = {}): Write837POptions => ({
  envelope: testEnvelope(),
  submitter: TEST_SUBMITTER,
  submitterContact: TEST_SUBMITTER_CONTACT,
  receiver: TEST_RECEIVER,
  ...overrides,
})

function written(claims: X12Claim837[], o: Partial<Write837POptions> = {}): string {
  const result = write837P(claims, opts(o))
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`)
  return result.text
}

const GOLDEN = `ISA*00*          *00*          *ZZ*CLAIMPAYTEST   *ZZ*FAKECLEARING   *260302*1405*^*00501*000000001*0*T*:~
GS*HC*CLAIMPAYTEST*FAKECLEARING*20260302*1405*1*X*005010X222A1~
ST*837*0001*005010X222A1~
BHT*0019*00*0001*20260302*1405*CH~
NM1*41*2*CLAIMPAY TEST SUBMITTER*****46*CLAIMPAYTEST~
PER*IC*TEST DESK*TE*5550100100~
NM1*40*2*FAKE CLEARINGHOUSE*****46*FAKECLEARING~
HL*1**20*1~
NM1*85*2*TESTCLINIC ALPHA*****XX*1000010003~
N3*1 SYNTHETIC PLAZA*SUITE 100~
N4*TESTVILLE*TX*750011234~
REF*EI*990001000~
HL*2*1*22*0~
SBR*P*18*******CI~
NM1*IL*1*TESTPATIENT*ALPHA****MI*ZZT100000~
N3*100 FAKE STREET~
N4*TESTVILLE*TX*75001~
DMG*D8*19800517*F~
NM1*PR*2*FAKE HEALTH PLAN*****PI*FAKEPAYER01~
CLM*CP-TEST-0001*160.5***11:B:1*Y*A*Y*Y~
HI*ABK:J069*ABF:R0981~
LX*1~
SV1*HC:99213:25*125.5*UN*1***1:2~
DTP*472*D8*20260227~
LX*2~
SV1*HC:87880*35*UN*1***1~
DTP*472*D8*20260227~
SE*26*0001~
GE*1*1~
IEA*1*000000001~
`

describe('write837P', () => {
  it('writes a one-claim 837P exactly as expected (golden)', () => {
    const text = written([buildTestClaim837(testClaimInput())])
    expect(text).toBe(GOLDEN)
    const isa = text.split('\n')[0]!
    expect(isa).toHaveLength(106)
    // SE01 counts ST through SE.
    const lines = text.trim().split('\n')
    expect(lines.indexOf('SE*26*0001~') - lines.indexOf('ST*837*0001*005010X222A1~') + 1).toBe(26)
  })

  it('writes the dependant, prior authorisation and rendering provider loops in guide order', () => {
    const text = written([buildTestClaim837(testClaimInput(), { dependant: true, priorAuthorization: 'FAKEAUTH9', renderingProvider: true })])
    const tags = text.trim().split('\n').map((l) => l.split('*')[0])
    expect(text).toContain('HL*2*1*22*1~\nSBR*P********CI~')
    expect(text).toContain('HL*3*2*23*0~\nPAT*19~\nNM1*QC*1*TESTPATIENT*JUNIOR~')
    expect(text).toContain('CLM*CP-TEST-0001*160.5***11:B:1*Y*A*Y*Y~\nREF*G1*FAKEAUTH9~\nHI*ABK:J069*ABF:R0981~\nNM1*82*1*TESTDOCTOR*ALPHA****XX*1000050009~\nLX*1~')
    expect(tags.indexOf('PAT')).toBeLessThan(tags.indexOf('CLM'))
  })

  it('reads back with node-x12 to the same segment count, claim charges and line charges', () => {
    const claims = [0, 1, 2].map((index) =>
      buildTestClaim837(
        testClaimInput({
          claimNumber: `CP-TEST-${index}`,
          lines: [
            { procedureCode: '99214', modifiers: ['25', '59'], units: 2, chargeCents: 20_005 + index, diagnosisPointers: [1] },
            { procedureCode: 'J1100', modifiers: [], units: 3, chargeCents: 1_230, diagnosisPointers: [2, 1] },
          ],
        }),
        { index, dependant: index === 1 },
      ),
    )
    const text = written(claims)
    const { interchanges, segments } = parseWithNodeX12(text)
    expect(interchanges).toBe(1)
    expect(segments).toHaveLength(text.trim().split('\n').length)
    const st = segments.findIndex((s) => s.tag === 'ST')
    const se = segments.findIndex((s) => s.tag === 'SE')
    expect(Number(segments[se]!.elements[0])).toBe(se - st + 1)
    const clm = segments.filter((s) => s.tag === 'CLM')
    expect(clm.map((s) => s.elements[0])).toEqual(['CP-TEST-0', 'CP-TEST-1', 'CP-TEST-2'])
    expect(clm.map((s) => cents(s.elements[1]!))).toEqual(claims.map((c) => c.totalChargeCents))
    const sv1 = segments.filter((s) => s.tag === 'SV1')
    expect(sv1.reduce((sum, s) => sum + cents(s.elements[1]!), 0)).toBe(claims.reduce((sum, c) => sum + c.totalChargeCents, 0))
    expect(sv1[0]!.elements[0]).toBe('HC:99214:25:59')
    expect(segments.filter((s) => s.tag === 'HL').map((s) => s.elements.slice(0, 3).join('/'))).toEqual(['1//20', '2/1/22', '3//20', '4/3/22', '5/4/23', '6//20', '7/6/22'])
  })

  it('writes the same bytes for the same input', () => {
    const build = () => [buildTestClaim837(testClaimInput(), { dependant: true }), buildTestClaim837(testClaimInput({ claimNumber: 'CP-2' }), { index: 3 })]
    expect(written(build())).toBe(written(build()))
  })

  it('returns an error value, not a file, when a name holds a delimiter', () => {
    const claim = buildTestClaim837(testClaimInput())
    claim.subscriber.lastOrOrganizationName = 'Smith*Jones'
    const result = write837P([claim], opts())
    expect(result).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'NM1', element: 3, claimId: 'CP-TEST-0001' })
    expect(JSON.stringify(result)).not.toContain('SMITH')
    const submitter = { ...TEST_SUBMITTER, lastOrOrganizationName: 'Bad~Name' }
    expect(write837P([buildTestClaim837(testClaimInput())], opts({ submitter }))).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'NM1' })
    const claimId = buildTestClaim837(testClaimInput({ claimNumber: 'CP:1' }))
    expect(write837P([claimId], opts())).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'CLM', element: 1 })
  })

  it('writes names towards the basic character set: upper case, accents dropped', () => {
    const claim = buildTestClaim837(testClaimInput())
    claim.subscriber.lastOrOrganizationName = 'Núñez-Peña'
    claim.subscriber.firstName = "  d'Arcy  "
    expect(written([claim])).toContain("NM1*IL*1*NUNEZ-PENA*D'ARCY****MI*ZZT100000~")
  })

  it('writes 12 diagnoses in one HI (ABK then 11 ABF) and refuses a 13th', () => {
    const twelve = ['J069', 'R0981', 'R05', 'R509', 'J029', 'R519', 'M545', 'E119', 'I10', 'E785', 'Z0000', 'K219']
    const input = ClaimInput.parse({ ...testClaimInput(), diagnoses: twelve, lines: [{ procedureCode: '99213', chargeCents: 10_000, diagnosisPointers: [12, 11, 10, 9] }] })
    const text = written([buildTestClaim837(input)])
    const hi = parseWithNodeX12(text).segments.find((s) => s.tag === 'HI')!
    expect(hi.elements).toEqual(['ABK:J069', ...twelve.slice(1).map((c) => `ABF:${c}`)])
    expect(text).toContain('SV1*HC:99213*100*UN*1***12:11:10:9~')

    const claim = buildTestClaim837(input)
    claim.diagnoses.push({ qualifier: 'ABF', code: 'R69' })
    expect(write837P([claim], opts())).toMatchObject({ ok: false, reason: 'too-many-diagnoses' })
  })

  it('writes four modifiers and refuses a fifth; refuses a pointer past the diagnoses', () => {
    const input = testClaimInput({ lines: [{ procedureCode: '97110', modifiers: ['GP', 'KX', '59', 'XU'], units: 4, chargeCents: 16_000, diagnosisPointers: [1] }] })
    expect(written([buildTestClaim837(input)])).toContain('SV1*HC:97110:GP:KX:59:XU*160*UN*4***1~')
    const five = buildTestClaim837(input)
    five.lines[0]!.modifiers.push('76')
    expect(write837P([five], opts())).toMatchObject({ ok: false, reason: 'too-many-modifiers' })
    const badPointer = buildTestClaim837(input)
    badPointer.lines[0]!.diagnosisPointers = [3]
    expect(write837P([badPointer], opts())).toMatchObject({ ok: false, reason: 'invalid-diagnosis-pointer' })
  })

  it('refuses a claim whose CLM02 is not the sum of its lines, an 837I, and an empty batch', () => {
    const claim = buildTestClaim837(testClaimInput())
    claim.totalChargeCents += 1
    expect(write837P([claim], opts())).toMatchObject({ ok: false, reason: 'charge-mismatch', claimId: 'CP-TEST-0001' })
    expect(write837P([{ ...buildTestClaim837(testClaimInput()), kind: '837I' }], opts())).toMatchObject({ ok: false, reason: 'unsupported-claim-kind' })
    expect(write837P([], opts())).toMatchObject({ ok: false, reason: 'no-claims' })
  })

  it('writes a line place of service only when it differs from the claim (SV105)', () => {
    const claim = buildTestClaim837(testClaimInput())
    claim.lines[0]!.placeOfService = '11'
    claim.lines[1]!.placeOfService = '02'
    const text = written([claim])
    expect(text).toContain('SV1*HC:99213:25*125.5*UN*1***1:2~')
    expect(text).toContain('SV1*HC:87880*35*UN*1*02**1~')
  })

  it('two interchanges written with their own control numbers read back as two, padded to 9 digits', () => {
    const first = written([buildTestClaim837(testClaimInput())], { envelope: testEnvelope({ interchangeControlNumber: '41', groupControlNumber: '41', transactionControlNumber: '1' }) })
    const second = written([buildTestClaim837(testClaimInput({ claimNumber: 'CP-2' }))], { envelope: testEnvelope({ interchangeControlNumber: '42', groupControlNumber: '42', transactionControlNumber: '1' }) })
    const { interchanges, segments } = parseWithNodeX12(first + second)
    expect(interchanges).toBe(2)
    // node-x12 reads control numbers as numbers; the raw text shows the padding.
    expect(segments.filter((s) => s.tag === 'IEA').map((s) => Number(s.elements[1]))).toEqual([41, 42])
    expect((first + second).match(/^IEA\*1\*\d+~$/gm)).toEqual(['IEA*1*000000041~', 'IEA*1*000000042~'])
    expect(first.slice(90, 99)).toBe('000000041')
    expect(second.slice(90, 99)).toBe('000000042')
  })
})
