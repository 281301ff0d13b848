import { describe, expect, it } from 'vitest'
import { R4Bundle, readFhirBundle } from '../../payers/fhir'
import { toAdjudicationResult, toFhirBundle } from './to-fhir'
import { testRecords } from './test-records'

const { provider, records } = testRecords()
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

describe('toFhirBundle: Claim + ExplanationOfBenefit per generated claim', () => {
  const bundle = toFhirBundle(records, provider)
  // Through JSON, as a reader of the file would get it.
  const read = readFhirBundle(JSON.parse(JSON.stringify(bundle)))

  it('satisfies our R4 schema and reads back with no error issues, one Claim and one EOB per record', () => {
    expect(R4Bundle.safeParse(bundle).success).toBe(true)
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(read.claims).toHaveLength(records.length)
    expect(read.eobs).toHaveLength(records.length)
  })

  it('keeps the totals: claim total = the line charges, EOB payment = paid, EOB adjustments = the outcome adjustments', () => {
    records.forEach((r, i) => {
      const claim = read.claims[i]!
      const eob = read.eobs[i]!
      expect(claim.totalCents).toBe(sum(r.claim.lines.map((l) => l.chargeCents)))
      expect(claim.serviceDate).toBe(r.claim.serviceDate)
      expect(eob.paymentCents).toBe(r.outcome.paidCents)
      expect(sum(eob.items.flatMap((it) => it.adjudication.filter((a) => a.category === 'benefit').map((a) => a.amountCents ?? 0)))).toBe(r.outcome.paidCents)
      expect(sum(eob.adjudication.map((a) => a.amountCents ?? 0))).toBe(sum(r.outcome.adjustments.map((a) => a.amountCents)))
    })
  })

  it('maps the outcome as paid, partial or denied, with the denial CARCs', () => {
    const outcomes = new Set(records.map((r) => toAdjudicationResult(r).outcome))
    expect(outcomes).toEqual(new Set(['paid', 'partial', 'denied']))
    for (const r of records.filter((x) => x.outcome.denial)) {
      expect(toAdjudicationResult(r).adjustments.map((a) => a.reason)).toContain(r.outcome.denial!.carc)
    }
  })
})
