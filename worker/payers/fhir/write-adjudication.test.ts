import { describe, expect, it } from 'vitest'
import { ClaimInput } from '../../contracts'
import { npiFrom } from '../x12/npi'
import { AdjudicationResult } from './adjudication-result'
import { R4Bundle, R4ClaimResponse, R4ExplanationOfBenefit } from './r4-schemas'
import { readFhirBundle } from './read-bundle'
import { allocateCents, writeClaimResponse, writeExplanationOfBenefit, type FhirAdjudicationContext } from './write-adjudication'

const context: FhirAdjudicationContext = {
  claimId: 'clm_1',
  claimResponseId: 'cr_1',
  eobId: 'eob_1',
  provider: { npi: npiFrom('123456789') ?? '', name: 'Riverside Family Medicine' },
  patientReference: 'Patient/pt-77',
  created: '2026-03-09',
}

const claim = ClaimInput.parse({
  claimNumber: 'PCN-1001',
  payer: { id: '60054', name: 'Aetna' },
  serviceDate: '2026-02-27',
  diagnoses: ['E11.9'],
  lines: [
    { procedureCode: '99214', chargeCents: 20_000 },
    { procedureCode: '36415', chargeCents: 1_001 },
  ],
})

const partial = AdjudicationResult.parse({
  outcome: 'partial',
  paidCents: 15_001,
  adjustments: [
    { group: 'CO', reason: '45', amountCents: 4_000 },
    { group: 'PR', reason: '2', amountCents: 2_000 },
  ],
})

const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes'

describe('allocateCents', () => {
  it('splits in proportion to the weights in whole cents that add up exactly', () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateCents(15_001, [20_000, 1_001])).toEqual([14_286, 715])
    expect(allocateCents(0, [5, 5])).toEqual([0, 0])
    for (const total of [1, 7, 999, 123_457]) expect(allocateCents(total, [3, 7, 11]).reduce((a, b) => a + b, 0)).toBe(total)
  })
})

describe('writeClaimResponse', () => {
  it('answers an adjudicated claim with outcome complete, line submitted/benefit amounts and CARC adjustments', () => {
    const response = writeClaimResponse(claim, context, partial)
    expect(R4ClaimResponse.safeParse(response).error).toBeUndefined()
    expect(response).toMatchObject({ id: 'cr-1', outcome: 'complete', request: { reference: 'Claim/clm-1' }, payment: { amount: { value: 150.01 } } })
    expect(response.item?.map((i) => i.adjudication.map((a) => [a.category.coding[0]?.code, a.amount?.value]))).toEqual([
      [['submitted', 200], ['benefit', 142.86]],
      [['submitted', 10.01], ['benefit', 7.15]],
    ])
    expect(response.adjudication?.map((a) => [a.category.coding[0]?.code, a.reason?.coding[0], a.amount?.value])).toEqual([
      ['CO', { system: CARC, code: '45' }, 40],
      ['PR', { system: CARC, code: '2' }, 20],
    ])
    expect(response.error).toBeUndefined()
  })

  it('answers a rejected claim with outcome error, error codes and the reasons as notes, and no money', () => {
    const response = writeClaimResponse(claim, context, {
      outcome: 'rejected',
      reasons: [{ code: 'invalid-member-id', message: 'The member id is not on file with the payer.' }],
    })
    expect(R4ClaimResponse.safeParse(response).error).toBeUndefined()
    expect(response).toMatchObject({
      outcome: 'error',
      error: [{ code: { coding: [{ code: 'invalid-member-id' }] } }],
      processNote: [{ number: 1, text: 'The member id is not on file with the payer.' }],
    })
    expect(response.payment).toBeUndefined()
    expect(response.item).toBeUndefined()
  })
})

describe('writeExplanationOfBenefit', () => {
  it('passes the R4 shape and balances: billed = paid + adjustments, in cents', () => {
    const eob = writeExplanationOfBenefit(claim, context, partial)
    expect(R4ExplanationOfBenefit.safeParse(eob).error).toBeUndefined()
    const billed = claim.lines.reduce((s, l) => s + l.chargeCents, 0)
    expect(billed).toBe(partial.paidCents + partial.adjustments.reduce((s, a) => s + a.amountCents, 0))
    expect(eob.total.map((t) => t.amount.value)).toEqual([210.01, 150.01])
  })

  it('reads back through readFhirBundle: claim reference, payment, line benefits and CARC reasons', () => {
    const eob = writeExplanationOfBenefit(claim, context, partial)
    const bundle = R4Bundle.parse({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: eob }] })
    const read = readFhirBundle(JSON.parse(JSON.stringify(bundle)))
    expect(read.issues).toEqual([])
    const back = read.eobs[0]
    expect(back).toMatchObject({ outcome: 'complete', paymentCents: 15_001, claimRef: { kind: 'external', type: 'Claim', id: 'clm-1' } })
    expect(back?.items.map((i) => i.adjudication.find((a) => a.category === 'benefit')?.amountCents)).toEqual([14_286, 715])
    expect(back?.adjudication.map((a) => [a.category, a.reason?.code, a.amountCents])).toEqual([
      ['CO', '45', 4_000],
      ['PR', '2', 2_000],
    ])
  })

  it('writes a denial as zero benefit with its CARC and a note', () => {
    const denied = AdjudicationResult.parse({ outcome: 'denied', paidCents: 0, adjustments: [{ group: 'CO', reason: '50', amountCents: 21_001 }] })
    const eob = writeExplanationOfBenefit(claim, context, denied)
    expect(R4ExplanationOfBenefit.safeParse(eob).error).toBeUndefined()
    expect(eob.payment.amount.value).toBe(0)
    expect(eob.adjudication?.[0]?.reason?.coding[0]?.code).toBe('50')
    expect(eob.processNote?.[0]?.text).toBe('Claim denied.')
  })
})

describe('AdjudicationResult', () => {
  it('refuses a CARC that is not one, and negative payments', () => {
    expect(AdjudicationResult.safeParse({ outcome: 'paid', paidCents: 1, adjustments: [{ group: 'CO', reason: 'forty-five', amountCents: 1 }] }).success).toBe(false)
    expect(AdjudicationResult.safeParse({ outcome: 'paid', paidCents: -1, adjustments: [] }).success).toBe(false)
  })
})
