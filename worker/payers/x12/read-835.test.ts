import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { paymentBalance835, read835 } from './read-835'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))
const SAMPLE = 'SampleEdiFiles/INS/_835/_4010/Example1_GripElements.txt'

describe('read835', () => {
  it('reads the payment, trace, parties, claims, services, adjustments and PLB of the 4010 sample', () => {
    const r = read835(fixture(SAMPLE))
    expect(r.ok).toBe(true)
    const rem = r.remittances[0]!
    expect(rem).toMatchObject({ paymentCents: 575, paymentMethod: 'NON', paymentDate: '2004-03-15', traceNumber: 'A04B001017.07504' })
    expect(rem.payer.lastOrOrganizationName).toBe('ASHTABULA COUNTY ADAMH BD')
    expect(rem.payer.address).toEqual({ line1: '4817 STATE ROAD SUITE 203', city: 'ASHTABULA', state: 'OH', postalCode: '44004' })
    expect(rem.payee).toMatchObject({ lastOrOrganizationName: 'LAKE AREA RECOVERY CENTER', idQualifier: 'FI', id: '346608640' })
    expect(rem.claims.map((c) => c.claimId)).toEqual(['444444', '999999', '888888', '111111', '121212', '333333', '777777', '123456', '090909'])
    expect(rem.claims[0]).toEqual({
      claimId: '444444',
      statusCode: '1',
      chargeCents: 5670,
      paidCents: 5652,
      patientResponsibilityCents: 0,
      payerClaimControlNumber: '0000000655555555',
      adjustments: [],
      services: [
        {
          procedureCode: 'H0005',
          modifiers: ['HF', 'H9'],
          chargeCents: 5670,
          paidCents: 5652,
          units: 6,
          serviceDate: '2004-02-05',
          adjustments: [{ group: 'CO', reason: '42', amountCents: 18, quantity: 0 }],
          remarks: [],
        },
      ],
    })
    // CAS with three triplets, a reversal (negative amounts) and a remark code.
    const reversal = rem.claims[7]!
    expect(reversal.statusCode).toBe('22')
    expect(reversal.paidCents).toBe(-4258)
    expect(reversal.services[0]?.adjustments.map((a) => a.reason)).toEqual(['141', '42', '22', '141'])
    expect(rem.claims[8]?.services[0]?.remarks).toEqual(['MA92'])
    expect(rem.claims[8]?.services[0]?.serviceDate).toBe('2004-02-10')
    expect(rem.providerAdjustments).toEqual([{ providerId: '123456', fiscalPeriodDate: '1996-09-30', reason: 'CV', referenceId: '9876514', amountCents: -127 }])
  })

  it('totals: the CLP04s add up to BPR02, but the sample PLB of -1.27 then leaves it unbalanced (a quirk of the sample)', () => {
    const r = read835(fixture(SAMPLE))
    const rem = r.remittances[0]!
    expect(paymentBalance835(rem)).toEqual({ claimsPaidCents: 575, providerAdjustmentCents: -127, expectedPaymentCents: 702, balanced: false })
    expect(r.issues).toEqual([
      { segment: 4, segmentId: 'BPR', message: 'BPR02 5.75 does not balance: claims paid 5.75 - provider adjustments -1.27 = 7.02' },
    ])
  })

  it('balances a consistent remittance: sum(CLP04) - sum(PLB) = BPR02, in exact cents', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLAIMPAY       *260301*1200*^*00501*000000001*0*P*:~',
      'GS*HP*PAYER*CLAIMPAY*20260301*1200*1*X*005010X221A1~ST*835*0001*005010X221A1~',
      'BPR*I*100.20*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260302~TRN*1*EFT123*1512345678~',
      'N1*PR*PAYER ONE~REF*2U*P123~N1*PE*CLINIC*XX*1234567893~LX*1~',
      'CLP*A-1*1*100.10*80.10*20*12*P1~CAS*PR*1*20~SVC*HC:99213*100.10*80.10**1~DTM*472*20260220~',
      'CLP*A-2*1*30.20*30.20*0*12*P2~PLB*1234567893*20261231*WO:OVERPAY*10.10~SE*15*0001~GE*1*1~IEA*1*000000001~',
    ].join('')
    const r = read835(text)
    expect(r.issues).toEqual([])
    const rem = r.remittances[0]!
    expect(rem.paymentDate).toBe('2026-03-02')
    expect(rem.payer).toEqual({ entityType: '2', lastOrOrganizationName: 'PAYER ONE', idQualifier: 'PI', id: 'P123' })
    expect(rem.claims[0]?.adjustments).toEqual([{ group: 'PR', reason: '1', amountCents: 2000 }])
    expect(paymentBalance835(rem)).toEqual({ claimsPaidCents: 11030, providerAdjustmentCents: 1010, expectedPaymentCents: 10020, balanced: true })
  })

  it('gives issues with positions, not exceptions, for bad amounts and group codes', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLAIMPAY       *260301*1200*^*00501*000000001*0*P*:~',
      'GS*HP*P*C*20260301*1200*1*X*005010X221A1~ST*835*1~BPR*I*abc*C*ACH~CLP*X*1*1*1~CAS*ZZ*45*1~SE*6*1~GE*1*1~IEA*1*000000001~',
    ].join('')
    const r = read835(text)
    expect(r.issues.map((i) => [i.segment, i.segmentId, i.message])).toEqual([
      [4, 'BPR', 'BPR02 "abc" is not an amount'],
      [6, 'CAS', 'CAS01 "ZZ" is not a claim adjustment group code'],
    ])
    expect(read835('nothing')).toMatchObject({ ok: false, remittances: [] })
  })
})
