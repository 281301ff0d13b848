import { describe, expect, it } from 'vitest'
import { Claim, DocumentReference, Money, Reference } from './read-schemas'

describe('read schemas (untrusted FHIR input)', () => {
  it('money must be a number, not a string', () => {
    expect(Money.safeParse({ value: 12.5, currency: 'USD' }).success).toBe(true)
    expect(Money.safeParse({ value: '12.50' }).success).toBe(false)
  })

  it('drops fields we do not use and keeps the ones we do', () => {
    expect(Reference.parse({ reference: 'Patient/1', extension: [{ url: 'x' }] })).toEqual({ reference: 'Patient/1' })
  })

  it('a Claim needs an id and a status; item sequences are positive integers', () => {
    expect(Claim.safeParse({ status: 'active' }).success).toBe(false)
    expect(Claim.safeParse({ id: 'c', status: 'active', item: [{ sequence: 0, productOrService: {} }] }).success).toBe(false)
    expect(Claim.safeParse({ id: 'c', status: 'active', item: [{ sequence: 1, productOrService: {} }] }).success).toBe(true)
  })

  it('a DocumentReference needs content', () => {
    expect(DocumentReference.safeParse({ id: 'd', content: [] }).success).toBe(false)
  })
})
