import { describe, expect, it } from 'vitest'
import { PAYER_PROFILES } from '../../generator/engine/payers'
import { claim837For } from '../submission'
import { read835, read837, write835 } from '../x12'
import { read277CA } from '../x12/read-277ca'
import { adjudicationDelayMs, claimPaymentFor, decideDenial, receive837, remittanceOf } from '.'

const aetna = PAYER_PROFILES.find((p) => p.payer.id === '60054')!
const claim = {
  claimNumber: 'PCN-1',
  payer: aetna.payer,
  serviceDate: '2026-11-01',
  placeOfService: '11',
  diagnoses: ['E119', 'I10'],
  lines: [
    { procedureCode: '99214', modifiers: [], units: 1, chargeCents: 18_000, diagnosisPointers: [1, 2] },
    { procedureCode: '96372', modifiers: [], units: 1, chargeCents: 4_500, diagnosisPointers: [1] },
  ],
}
const patient = { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1970-02-03', sex: 'F' as const, memberId: 'W123456789' }
const provider = { id: 'prv_1', name: 'Oak Clinic', npi: null }

describe('payer simulator', () => {
  it('reads back the 837 ClaimPay writes, with CLM01 the claim id', () => {
    const file = claim837For({ claimId: 'clm_01ABC', claim, patient, provider, at: '2026-11-20T10:00:00.000Z' })
    expect(file.ok).toBe(true)
    if (!file.ok) return
    const read = read837(file.text)
    expect(read.issues).toEqual([])
    expect(read.claims[0]!.claimId).toBe('clm_01ABC')
    expect(read.claims[0]!.totalChargeCents).toBe(22_500)
    expect(read.claims[0]!.subscriber.id).toBe('W123456789')
  })

  it('denies an E/M visit billed with a procedure and no modifier 25, and the 835 balances', () => {
    const file = claim837For({ claimId: 'clm_01ABC', claim, patient, provider, at: '2026-11-20T10:00:00.000Z' })
    if (!file.ok) throw new Error(file.message)
    const received = receive837(file.text, aetna, '2026-11-20T10:00:00.000Z')
    if (!received.ok) throw new Error('rejected')
    const c = received.claims[0]!
    const denial = decideDenial(c, aetna, '2026-11-20')
    expect(denial?.pattern).toBe('missing-modifier-25')
    const payment = claimPaymentFor(c, aetna, denial, 'PCC1')
    expect(payment.statusCode).toBe('1')
    expect(payment.services[0]!.paidCents).toBe(0)
    const r = remittanceOf({ envelope: { ...c.envelope, senderId: '60054', receiverId: 'CLAIMPAY', implementationGuide: '005010X221A1' }, payer: c.payer, payee: c.billingProvider, paymentDate: '2026-12-02', traceNumber: 'T1' }, [payment])
    const written = write835(r)
    expect(written.ok).toBe(true)
    if (!written.ok) return
    const back = read835(written.text)
    expect(back.issues).toEqual([])
    expect(back.remittances[0]!.claims[0]!.claimId).toBe('clm_01ABC')
  })

  it('rejects a malformed 837 with a 277CA', () => {
    const received = receive837('ISA*garbage~', aetna, '2026-11-20T10:00:00.000Z')
    expect(received.ok).toBe(false)
    if (received.ok) return
    expect(read277CA(received.ack277ca).ok).toBe(true)
  })

  it('scales the payer delay', () => {
    expect(adjudicationDelayMs(aetna, 86_400)).toBe(12_000)
    expect(adjudicationDelayMs(aetna, 1)).toBe(12 * 86_400_000)
  })
})
