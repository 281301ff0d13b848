import { describe, expect, it } from 'vitest'
import { ClaimInput, Icd10Code } from '../../contracts'
import { npiFrom } from '../x12/npi'
import { CPT, HCPCS, ICD10CM } from './code-systems'
import { R4Bundle, R4Claim } from './r4-schemas'
import { readFhirBundle } from './read-bundle'
import { writeFhirClaim, writeFhirClaimBundle, type FhirClaimContext } from './write-claim-bundle'

const npi = npiFrom('123456789') ?? ''
const context: FhirClaimContext = {
  claimId: '0b8f6a8e-1c2d-4e5f-9a0b-1c2d3e4f5a6b',
  provider: { npi, name: 'Riverside Family Medicine' },
  patientReference: 'Patient/pt-77',
  created: '2026-03-02',
}

// 0.29 and 0.1 + 0.2 are the classic float traps: they must come back as exactly 29 and 30 cents.
const input = ClaimInput.parse({
  claimNumber: 'PCN-1001',
  payer: { id: '60054', name: 'Aetna' },
  serviceDate: '2026-02-27',
  placeOfService: '11',
  diagnoses: ['E11.9', 'I10', 'Z00.00'],
  lines: [
    { procedureCode: '99214', modifiers: ['25'], units: 1, chargeCents: 18_550, diagnosisPointers: [1, 2] },
    { procedureCode: 'J3420', units: 3, chargeCents: 29, diagnosisPointers: [1] },
    { procedureCode: '36415', units: 1, chargeCents: 30, diagnosisPointers: [3] },
    { procedureCode: '3044F', units: 1, chargeCents: 1 },
  ],
})

describe('writeFhirClaim', () => {
  const written = writeFhirClaim(input, context)
  if (!written.ok) throw new Error(written.errors.join('; '))
  const claim = written.claim

  it('emits a Claim that passes the R4 shape', () => {
    expect(R4Claim.safeParse(claim).error).toBeUndefined()
    expect(claim).toMatchObject({
      status: 'active',
      use: 'claim',
      type: { coding: [{ code: 'professional' }] },
      patient: { reference: 'Patient/pt-77' },
      provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: npi } },
      insurer: { identifier: { value: '60054' }, display: 'Aetna' },
    })
  })

  it('codes diagnoses in ICD-10-CM and items in CPT or HCPCS, with modifiers, quantity and place of service', () => {
    expect(claim.diagnosis.map((d) => d.diagnosisCodeableConcept.coding[0])).toEqual([
      { system: ICD10CM, code: 'E11.9' },
      { system: ICD10CM, code: 'I10' },
      { system: ICD10CM, code: 'Z00.00' },
    ])
    expect(claim.item.map((i) => [i.productOrService.coding[0]?.system, i.productOrService.coding[0]?.code])).toEqual([
      [CPT, '99214'],
      [HCPCS, 'J3420'],
      [CPT, '36415'],
      [CPT, '3044F'],
    ])
    expect(claim.item[0]).toMatchObject({
      sequence: 1,
      diagnosisSequence: [1, 2],
      modifier: [{ coding: [{ code: '25' }] }],
      quantity: { value: 1 },
      servicedDate: '2026-02-27',
      locationCodeableConcept: { coding: [{ code: '11' }] },
      unitPrice: { value: 185.5, currency: 'USD' },
      net: { value: 185.5, currency: 'USD' },
    })
  })

  it('writes money as exact two-decimal USD, and no unit price that would not be whole cents', () => {
    expect(claim.item[1]).toMatchObject({ quantity: { value: 3 }, net: { value: 0.29 } })
    expect(claim.item[1]?.unitPrice).toBeUndefined()
    expect(claim.item[2]?.net.value).toBe(0.3)
    expect(claim.total).toEqual({ value: 186.1, currency: 'USD' })
    expect(JSON.stringify(claim.total)).toBe('{"value":186.1,"currency":"USD"}')
  })

  it('refuses an invalid NPI and a pointer past the diagnoses, as values', () => {
    expect(writeFhirClaim(input, { ...context, provider: { npi: '1234567890', name: 'x' } })).toEqual({ ok: false, errors: [expect.stringMatching(/NPI/)] })
    const badPointer = ClaimInput.parse({ ...input, lines: [{ procedureCode: '99213', chargeCents: 100, diagnosisPointers: [4] }] })
    expect(writeFhirClaim(badPointer, context)).toEqual({ ok: false, errors: [expect.stringMatching(/diagnosis 4/)] })
  })
})

describe('writeFhirClaimBundle', () => {
  const written = writeFhirClaimBundle(input, context)
  if (!written.ok) throw new Error(written.errors.join('; '))
  const bundle = written.bundle

  it('is a collection Bundle that passes the R4 shape', () => {
    expect(R4Bundle.safeParse(bundle).error).toBeUndefined()
    expect(bundle.entry).toHaveLength(1)
    expect(bundle.entry[0]?.fullUrl).toBe(`urn:uuid:${context.claimId}`)
  })

  it('reads back through readFhirBundle to the same codes and amounts (round trip, through JSON text)', () => {
    const read = readFhirBundle(JSON.parse(JSON.stringify(bundle)))
    expect(read.issues).toEqual([])
    expect(read.claims).toHaveLength(1)
    const back = read.claims[0]
    expect(back?.id).toBe(context.claimId)
    expect(back?.type).toBe('professional')
    expect(back?.serviceDate).toBe(input.serviceDate)
    expect(back?.insurer).toBe('Aetna')
    expect(back?.patientRef).toEqual({ kind: 'external', raw: 'Patient/pt-77', type: 'Patient', id: 'pt-77' })
    expect(back?.totalCents).toBe(input.lines.reduce((s, l) => s + l.chargeCents, 0))
    // ICD-10-CM travels dotted in FHIR; normalised by our own contract it is the code the provider sent.
    expect(back?.diagnoses.map((d) => Icd10Code.parse(d.code?.code))).toEqual(input.diagnoses)
    expect(back?.items.map((i) => ({ code: i.code, netCents: i.netCents, units: i.quantity, pointers: i.diagnosisSequence, modifiers: i.modifiers.map((m) => m.code) }))).toEqual(
      input.lines.map((l) => ({ code: l.procedureCode, netCents: l.chargeCents, units: l.units, pointers: l.diagnosisPointers, modifiers: l.modifiers })),
    )
    expect(back?.items.every((i) => i.placeOfService?.code === '11' && i.servicedDate === '2026-02-27')).toBe(true)
  })

  it('omits fullUrl for an id that is not a UUID (urn:uuid needs one) yet reads back by Type/id', () => {
    const other = writeFhirClaimBundle(input, { ...context, claimId: 'clm_123' })
    expect(other.ok && other.bundle.entry[0]?.fullUrl).toBeUndefined()
    expect(other.ok && readFhirBundle(other.bundle).claims[0]?.id).toBe('clm-123')
  })

  it('turns our ids into FHIR ids (no underscore) and keeps ours and the claim number as identifiers', () => {
    const other = writeFhirClaim(input, { ...context, claimId: 'clm_01JD3XABC' })
    expect(other.ok && other.claim.id).toBe('clm-01JD3XABC')
    expect(other.ok && other.claim.identifier.map((i) => i.value)).toEqual(['clm_01JD3XABC', 'PCN-1001'])
    expect(writeFhirClaim(input, { ...context, claimId: 'has space' })).toEqual({ ok: false, errors: [expect.stringMatching(/FHIR id/)] })
  })
})
