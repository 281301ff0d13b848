import { describe, expect, it } from 'vitest'
import { ageOn, epochDayOf } from '../engine'
import { cents, parseWithNodeX12 } from '../../payers/x12/independent-parse'
import { parseX12, read837, readInterchanges, write837P } from '../../payers/x12'
import { SYNTHETIC_RECEIVER, SYNTHETIC_SUBMITTER, SYNTHETIC_SUBMITTER_CONTACT, toX12Claim837 } from './to-x12'
import { birthDateFor, syntheticPatientName } from './synthetic-parties'
import { TEST_CLAIMS, testRecords } from './test-records'
import type { X12Envelope } from '../../payers/x12/model'

const { provider, records } = testRecords()
const envelope: X12Envelope = { senderId: 'CLAIMPAYSYN', receiverId: 'SYNCLEAR', interchangeControlNumber: '000000001', groupControlNumber: '1', transactionControlNumber: '0001', implementationGuide: '', createdAt: '2025-01-01T12:00:00Z', usage: 'T' }
const claims = records.map((r) => toX12Claim837(r, provider, envelope))
const written = write837P(claims, { envelope, submitter: SYNTHETIC_SUBMITTER, submitterContact: SYNTHETIC_SUBMITTER_CONTACT, receiver: SYNTHETIC_RECEIVER })
const text = written.ok ? written.text : ''
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

describe('toX12Claim837: generated claims as one 837P', () => {
  it('is written without a refusal', () => {
    expect(written).toMatchObject({ ok: true })
    expect(records).toHaveLength(TEST_CLAIMS)
  })

  it('reads back with our parseX12 with no errors, the same claim ids and charges', () => {
    const summary = parseX12(text)
    expect(summary.type).toBe('837P')
    expect(summary.errors).toEqual([])
    expect(summary.claims.map((c) => c.id)).toEqual(records.map((r) => r.claim.claimNumber))
    expect(summary.claims.map((c) => Math.round(c.charge * 100))).toEqual(records.map((r) => sum(r.claim.lines.map((l) => l.chargeCents))))
  })

  it('reads back with read837 into the parties we mapped: billing NPI/TIN, rendering NPI, member id, sex, payer, line dates', () => {
    const read = read837(readInterchanges(text))
    expect(read.issues).toEqual([])
    read.claims.forEach((c, i) => {
      const r = records[i]!
      expect(c.billingProvider.id).toBe(provider.organizationNpi)
      expect(c.billingProvider.taxId).toBe(provider.tin.replace('-', ''))
      expect(c.renderingProvider?.id).toBe(r.renderingNpi)
      expect(c.subscriber.id).toBe(r.patient.memberId)
      expect(c.subscriber.sex).toBe(r.patient.sex)
      expect(c.payer.id).toBe(r.claim.payer.id)
      expect(c.lines.map((l) => l.serviceDate)).toEqual(r.claim.lines.map(() => r.claim.serviceDate))
    })
  })

  it('is parsed by node-x12 with the same segments (SE counts them) and the same total charges', () => {
    const { interchanges, segments } = parseWithNodeX12(text)
    expect(interchanges).toBe(1)
    expect(segments).toHaveLength(text.split('~').filter((s) => s.trim() !== '').length)
    const st = segments.findIndex((s) => s.tag === 'ST')
    const se = segments.findIndex((s) => s.tag === 'SE')
    expect(Number(segments[se]!.elements[0])).toBe(se - st + 1)
    const clm = segments.filter((s) => s.tag === 'CLM')
    expect(clm.map((s) => s.elements[0])).toEqual(records.map((r) => r.claim.claimNumber))
    expect(sum(clm.map((s) => cents(s.elements[1]!)))).toBe(sum(records.flatMap((r) => r.claim.lines.map((l) => l.chargeCents))))
    expect(segments.filter((s) => s.tag === 'SV1')).toHaveLength(sum(records.map((r) => r.claim.lines.length)))
  })

  it('gives each patient a stable fake name and a birth date that makes their age on the service date', () => {
    for (const r of records) {
      expect(syntheticPatientName(r.patient)).toEqual(syntheticPatientName({ ...r.patient }))
      const born = birthDateFor(r.patient.age, r.claim.serviceDate)
      expect(ageOn(epochDayOf(born), epochDayOf(r.claim.serviceDate))).toBe(r.patient.age)
    }
  })
})

describe('birthDateFor', () => {
  it('is the calendar age on the service date, also right after New Year and for newborns', () => {
    expect(birthDateFor(7, '2024-01-01')).toMatch(/^2016-0[67]-/)
    expect(birthDateFor(0, '2024-03-15')).toMatch(/^2023-09-1/)
    expect(birthDateFor(64, '2024-12-31')).toMatch(/^1960-0[67]-/)
  })
})
