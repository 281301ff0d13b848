import { describe, expect, it } from 'vitest'
import type { HistoryRecord } from '../engine'
import { cents, parseWithNodeX12 } from '../../payers/x12/independent-parse'
import { parseX12, remittanceBalances, write835 } from '../../payers/x12'
import type { X12Envelope } from '../../payers/x12/model'
import { MixedPayerRemittance, toX12Remittance835 } from './to-x12-remittance'
import { testRecords } from './test-records'

const { provider, records } = testRecords()
const envelope: X12Envelope = { senderId: 'PAYER', receiverId: 'CLAIMPAYSYN', interchangeControlNumber: '000000002', groupControlNumber: '2', transactionControlNumber: '0002', implementationGuide: '', createdAt: '2025-01-01T12:00:00Z', usage: 'T' }
const options = { provider, paymentDate: '2025-01-15', envelope, traceNumber: 'SYNTRACE1' }
const byPayer = new Map<string, HistoryRecord[]>()
for (const r of records) byPayer.set(r.claim.payer.id, [...(byPayer.get(r.claim.payer.id) ?? []), r])
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

describe('toX12Remittance835: one 835 per payer', () => {
  const mapped = [...byPayer.values()].map((list) => ({ list, ...toX12Remittance835(list, options) }))

  it('covers several payers, each remittance balancing by every rule, with no OA-23 needed for engine outcomes', () => {
    expect(byPayer.size).toBeGreaterThan(2)
    for (const { remittance, oa23ClaimIds } of mapped) {
      expect(remittanceBalances(remittance)).toEqual({ ok: true })
      expect(oa23ClaimIds).toEqual([])
    }
  })

  it('says 4 for denied claims (nothing paid) and 1 for paid or partly paid ones, carrying paid and patient share', () => {
    for (const { list, remittance } of mapped) {
      remittance.claims.forEach((c, i) => {
        const { outcome } = list[i]!
        expect(c.statusCode).toBe(outcome.status === 'denied' ? '4' : '1')
        expect(c.paidCents).toBe(outcome.paidCents)
        expect(c.patientResponsibilityCents).toBe(outcome.patientResponsibilityCents)
      })
    }
    expect(mapped.flatMap((m) => m.remittance.claims).some((c) => c.statusCode === '4')).toBe(true)
  })

  it('is written, read by parseX12 without errors, and node-x12 finds BPR02 = sum(CLP04) - PLB', () => {
    for (const { list, remittance } of mapped) {
      const written = write835(remittance)
      expect(written).toMatchObject({ ok: true })
      const text = written.ok ? written.text : ''
      const summary = parseX12(text)
      expect(summary.errors).toEqual([])
      expect(summary.claims.map((c) => c.id)).toEqual(list.map((r) => r.claim.claimNumber))
      const { segments } = parseWithNodeX12(text)
      const bpr = segments.find((s) => s.tag === 'BPR')!
      const clp = segments.filter((s) => s.tag === 'CLP')
      const plb = segments.filter((s) => s.tag === 'PLB').flatMap((s) => s.elements.filter((_, i) => i >= 3 && i % 2 === 1).map(cents))
      expect(clp).toHaveLength(list.length)
      expect(cents(bpr.elements[1]!)).toBe(sum(clp.map((s) => cents(s.elements[3]!))) - sum(plb))
      expect(cents(bpr.elements[1]!)).toBe(sum(list.map((r) => r.outcome.paidCents)))
    }
  })

  it('fixes an outcome that does not balance with OA-23 and names the claim', () => {
    const good = [...byPayer.values()][0]!
    const paid = good.find((r) => r.outcome.status === 'paid')!
    const broken: HistoryRecord = { ...paid, outcome: { ...paid.outcome, paidCents: paid.outcome.paidCents + 123 } }
    const firstCharge = paid.claim.lines[0]!.chargeCents
    const overAdjusted: HistoryRecord = { ...paid, claim: { ...paid.claim, claimNumber: 'SYN-OVER-1' }, outcome: { ...paid.outcome, paidCents: 0, adjustments: [{ line: 1, group: 'CO', reason: '45', amountCents: firstCharge + 50 }] } }
    const { remittance, oa23ClaimIds } = toX12Remittance835([broken, overAdjusted], options)
    expect(remittanceBalances(remittance)).toEqual({ ok: true })
    expect(oa23ClaimIds).toEqual([paid.claim.claimNumber, 'SYN-OVER-1'])
    expect(remittance.claims[0]!.adjustments).toContainEqual({ group: 'OA', reason: '23', amountCents: -123 })
    expect(remittance.claims[1]!.services[0]).toMatchObject({ paidCents: 0 })
    expect(remittance.claims[1]!.services[0]!.adjustments).toContainEqual({ group: 'OA', reason: '23', amountCents: -50 })
  })

  it('refuses claims of several payers in one 835, and an empty one', () => {
    const [a, b] = [...byPayer.values()]
    expect(() => toX12Remittance835([a![0]!, b![0]!], options)).toThrow(MixedPayerRemittance)
    expect(() => toX12Remittance835([], options)).toThrow(RangeError)
  })
})
