import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeX12Bytes } from './decode'
import { read837 } from './read-837'
import { parseX12Cents } from './segments'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))
const DIR = 'Hipaa/Claims/TestData'

/** The fields of OopFactory's expected claim model that our model also has, read with a few regexes. */
function golden(path: string) {
  const xml = decodeX12Bytes(fixture(path))
  const attr = (tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*?\\s${name}="([^"]*)"`).exec(xml)?.[1]
  return {
    claimId: attr('Claim', 'PatientControlNumber'),
    totalChargeCents: parseX12Cents(attr('Claim', 'TotalClaimChargeAmount') ?? ''),
    billingNpi: /<Provider Npi="([^"]*)"/.exec(xml)?.[1],
    billingTaxId: /<Provider Npi="[^"]*" TaxId="([^"]*)"/.exec(xml)?.[1],
    billingName: /<Provider Npi="[^"]*"[^>]*>\s*<Name[^>]*?LastName="([^"]*)"/.exec(xml)?.[1],
    subscriberId: attr('Subscriber', 'MemberId'),
    subscriberBirthDate: attr('Subscriber', 'DateOfBirth'),
    diagnoses: [...xml.matchAll(/<Diagnosis [^>]*?Qualifier="([^"]*)" Code="([^"]*)"/g)].map((m) => ({ qualifier: m[1], code: m[2] })),
    lines: [...xml.matchAll(/<ServiceLine LineNumber="(\d+)"[^>]*?(?:Charges|ChargeAmount)="([^"]*)"[^>]*>\s*<Procedure [^>]*?ProcedureCode="([^"]*)"/g)].map((m) => ({
      lineNumber: Number(m[1]),
      chargeCents: parseX12Cents(m[2] ?? ''),
      procedureCode: m[3],
    })),
  }
}

describe('read837 against the golden claim models', () => {
  for (const [name, kind] of [
    ['ProfessionalClaim1', '837P'],
    ['InstitutionalClaim5010', '837I'],
  ] as const) {
    it(`${name}: agrees with ${name}_ClaimModel.xml on the fields both have`, () => {
      const want = golden(`${DIR}/${name}_ClaimModel.xml`)
      const r = read837(fixture(`${DIR}/${name}.txt`))
      expect(r.ok).toBe(true)
      expect(r.claims).toHaveLength(1)
      const claim = r.claims[0]!
      expect(claim.kind).toBe(kind)
      expect(claim.claimId).toBe(want.claimId)
      expect(claim.totalChargeCents).toBe(want.totalChargeCents)
      expect(claim.billingProvider.idQualifier).toBe('XX')
      expect(claim.billingProvider.id).toBe(want.billingNpi)
      expect(claim.billingProvider.taxId).toBe(want.billingTaxId)
      expect(claim.billingProvider.lastOrOrganizationName).toBe(want.billingName)
      expect(claim.subscriber.id).toBe(want.subscriberId)
      expect(claim.subscriber.birthDate).toBe(want.subscriberBirthDate)
      // The professional model lists no diagnoses; the institutional one lists the ICD-9 BK/BF codes.
      if (want.diagnoses.length > 0) expect(claim.diagnoses).toEqual(want.diagnoses)
      expect(want.lines.length).toBeGreaterThan(0)
      for (const line of want.lines) {
        const got = claim.lines.find((l) => l.lineNumber === line.lineNumber)
        expect({ lineNumber: got?.lineNumber, chargeCents: got?.chargeCents, procedureCode: got?.procedureCode }).toEqual(line)
      }
    })
  }

  it('ProfessionalClaim1: the rest of the claim (parties, lines, pointers, dates)', () => {
    const claim = read837(fixture(`${DIR}/ProfessionalClaim1.txt`)).claims[0]!
    expect(claim.envelope.implementationGuide).toBe('005010X222')
    expect(claim.submitter).toMatchObject({ lastOrOrganizationName: 'PREMIER BILLING SERVICE', id: 'TGJ23' })
    expect(claim.receiver).toMatchObject({ lastOrOrganizationName: 'KEY INSURANCE COMPANY', id: '66783JJT' })
    expect(claim.billingProvider.address).toEqual({ line1: '234 SEAWAY ST', city: 'MIAMI', state: 'FL', postalCode: '33111' })
    expect(claim.subscriber).toMatchObject({ entityType: '1', lastOrOrganizationName: 'SMITH', firstName: 'JANE', sex: 'F' })
    expect(claim.patient).toMatchObject({ lastOrOrganizationName: 'SMITH', firstName: 'TED', birthDate: '1973-05-01', sex: 'M', relationship: '19' })
    expect(claim.payer).toMatchObject({ lastOrOrganizationName: 'KEY INSURANCE COMPANY', idQualifier: 'PI', id: '999996666' })
    expect(claim.renderingProvider).toMatchObject({ lastOrOrganizationName: 'RENDERING', id: '1234567890' })
    expect(claim.placeOfService).toBe('11')
    expect(claim.frequencyCode).toBe('1')
    expect(claim.diagnoses).toEqual([
      { qualifier: 'BK', code: '0340' },
      { qualifier: 'BF', code: 'V7389' },
    ])
    expect(claim.lines).toHaveLength(7)
    expect(claim.lines[0]).toEqual({
      lineNumber: 1,
      procedureCode: '99213',
      modifiers: ['AA', 'BB', 'CC', 'DD'],
      chargeCents: 4000,
      unitBasis: 'UN',
      units: 1,
      placeOfService: '13',
      diagnosisPointers: [1],
      serviceDate: '2006-10-03',
    })
    expect(claim.lines[1]?.diagnosisPointers).toEqual([1, 2, 3])
  })

  it('ProfessionalClaim1: reports that its seven lines (190.00) do not add up to CLM02 (100.00), a quirk of the sample', () => {
    const r = read837(fixture(`${DIR}/ProfessionalClaim1.txt`))
    expect(r.issues).toEqual([{ segment: 31, segmentId: 'CLM', message: 'claim 26463774: service lines total 190, CLM02 is 100' }])
  })

  it('InstitutionalClaim5010: revenue codes, modifiers, and non-diagnosis HI qualifiers ignored', () => {
    const r = read837(fixture(`${DIR}/InstitutionalClaim5010.txt`))
    expect(r.issues).toEqual([])
    const claim = r.claims[0]!
    expect(claim.placeOfService).toBe('14')
    expect(claim.frequencyCode).toBe('1')
    expect(claim.subscriber).toMatchObject({ lastOrOrganizationName: 'DOE', firstName: 'JOHN', id: '030005074A', sex: 'M' })
    // The other subscriber (2330A, JANE DOE) and other payer (STATE TEACHERS) must not replace the claim's.
    expect(claim.payer).toMatchObject({ lastOrOrganizationName: 'MEDICARE B', id: '00435' })
    expect(claim.patient).toBeUndefined()
    expect(claim.lines.map((l) => [l.revenueCode, l.procedureCode, l.modifiers, l.chargeCents, l.units])).toEqual([
      ['0305', '85025', [], 1339, 1],
      ['0730', '93005', ['AA', 'BB', 'CC', 'DD'], 7654, 3],
    ])
  })
})

describe('read837 on the other samples', () => {
  it('reads both claims of one billing provider, each with its own subscriber', () => {
    const r = read837(fixture('SampleEdiFiles/INS/_837I/_5010/Spec_3.1.2_TwoClaimsForTheSameProvider.txt'))
    expect(r.issues).toEqual([])
    expect(r.claims.map((c) => [c.kind, c.claimId, c.totalChargeCents, c.subscriber.lastOrOrganizationName, c.billingProvider.id])).toEqual([
      ['837I', '756048Q', 8995, 'DOE', '1234567890'],
      ['837I', '756049Q', 5000, 'SMITH', '1234567890'],
    ])
    expect(r.claims[1]?.diagnoses).toEqual([{ qualifier: 'BK', code: '30000' }])
  })

  it('reads a 4010 837P (X098): EIN as NM1*85*24, and the patient loop', () => {
    const r = read837(fixture('SampleEdiFiles/INS/_837P/_4010/Spec_4.1.2_PatientIsNotSubscriber.txt'))
    expect(r.issues).toEqual([])
    const claim = r.claims[0]!
    expect(claim.kind).toBe('837P')
    expect(claim.billingProvider.taxId).toBe('587654321')
    expect(claim.patient?.id).toBe('JS01111223333')
    expect(claim.frequencyCode).toBe('1')
    expect(claim.lines.map((l) => [l.procedureCode, l.chargeCents, l.serviceDate])).toEqual([
      ['99213', 4000, '1998-10-03'],
      ['87072', 1500, '1998-10-03'],
      ['99214', 3500, '1998-10-10'],
      ['86663', 1000, '1998-10-10'],
    ])
  })

  it('uses the component separator the file declares (">" in MissingEntityCode) and RD8 service dates', () => {
    const r = read837(fixture('SampleEdiFiles/INS/_837P/_5010/MissingEntityCode.txt'))
    expect(r.claims).toHaveLength(5)
    expect(r.claims[0]?.placeOfService).toBe('99')
    expect(r.claims[0]?.lines[1]).toMatchObject({ procedureCode: 'X9999', chargeCents: 999, serviceDate: '2011-12-12' })
  })

  it('reads ICD-10 ABK/ABF, REF*G1, and gives issues (no throw) for bad amounts', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260101*1200*^*00501*000000001*0*T*:~',
      'GS*HC*S*R*20260101*1200*1*X*005010X222A1~ST*837*1*005010X222A1~HL*1**20*1~NM1*85*2*CLINIC*****XX*1234567893~',
      'HL*2*1*22*0~NM1*IL*1*DOE*JO****MI*M1~CLM*C-1*12x.00***11:B:1~REF*G1*AUTH9~HI*ABK:E11.9*ABF:I10*ABJ:R05~',
      'LX*1~SV1*HC:99213:25*0.29*UN*1***1:2~SE*12*1~GE*1*1~IEA*1*000000001~',
    ].join('')
    const r = read837(text)
    const claim = r.claims[0]!
    expect(claim.priorAuthorization).toBe('AUTH9')
    expect(claim.diagnoses).toEqual([
      { qualifier: 'ABK', code: 'E119' },
      { qualifier: 'ABF', code: 'I10' },
    ])
    expect(claim.lines[0]).toMatchObject({ procedureCode: '99213', modifiers: ['25'], chargeCents: 29, diagnosisPointers: [1, 2] })
    expect(r.issues.map((i) => [i.segment, i.segmentId])).toEqual([
      [8, 'CLM'],
      [8, 'CLM'],
    ])
    expect(r.issues[0]?.message).toBe('CLM02 "12x.00" is not an amount')
  })

  it('says so when there is no 837', () => {
    expect(read837('garbage')).toMatchObject({ ok: false, claims: [] })
  })
})
