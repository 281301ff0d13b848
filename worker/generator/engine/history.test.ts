import { describe, expect, it } from 'vitest'
import { icd10Status, isKnownProcedureCode } from '../../coding'
import { ClaimInput } from '../../contracts'
import { CHARGE_VARIANCE, EM_VISITS, SPECIALTY_ENCOUNTERS } from './catalogue'
import { diagnosisDescription } from './code-descriptions'
import { PAYER_PROFILES, allowedBpsFor } from './payers'
import { historyOf } from './test-fixtures'

// One year of a family practice at 80 claims a weekday: about 21,000 claims, generated once (~0.3 s).
const records = historyOf('family-medicine', 80)
const payerById = new Map(PAYER_PROFILES.map((p) => [p.payer.id, p]))

/** Typical price per code from the catalogue, for the codes a clean claim can carry. */
const priceOf = new Map<string, number>(EM_VISITS.map((v) => [v.code, v.priceCents]))
for (const list of Object.values(SPECIALTY_ENCOUNTERS)) for (const e of list) for (const s of e.services) priceOf.set(s.code, s.priceCents)

describe('generateHistory: a year of a family practice', () => {
  it('has enough claims to judge rates, each with its trace', () => {
    expect(records.length).toBeGreaterThan(20_000)
    for (const r of records) {
      expect(r.trace.scenario).toBe('default')
      expect(r.trace.seed).toBe(20_260_101)
      expect(r.trace.pattern).toBe(r.outcome.denial?.pattern ?? null)
    }
  })

  it('gives claims that satisfy the ClaimInput contract and use only billable, known codes', () => {
    for (const r of records) {
      expect(ClaimInput.safeParse(r.claim).success).toBe(true)
      for (const d of r.claim.diagnoses) expect(icd10Status(d)).toBe('billable')
      for (const l of r.claim.lines) expect(isKnownProcedureCode(l.procedureCode)).toBe(true)
    }
  })

  it('keeps each line charge within the configured variance of its code, and allowed within the payer schedule', () => {
    let checked = 0
    for (const r of records) {
      const payer = payerById.get(r.claim.payer.id)!
      for (const line of r.claim.lines) {
        const price = priceOf.get(line.procedureCode)
        if (price === undefined) continue // lines added by the NCCI and MUE patterns have their own ranges
        const perUnit = line.chargeCents / line.units
        expect(perUnit).toBeGreaterThanOrEqual(Math.floor(price * (1 - CHARGE_VARIANCE)))
        expect(perUnit).toBeLessThanOrEqual(Math.ceil(price * (1 + CHARGE_VARIANCE)))
        const bps = allowedBpsFor(payer, line.procedureCode)
        expect(bps).toBeGreaterThanOrEqual(payer.allowedBps[0])
        expect(bps).toBeLessThanOrEqual(payer.allowedBps[1])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(records.length)
  })

  it('balances every claim as an 835 would: billed = paid + patient share + CO/OA adjustments', () => {
    for (const { outcome } of records) {
      const co = outcome.adjustments.filter((a) => a.group !== 'PR').reduce((s, a) => s + a.amountCents, 0)
      const pr = outcome.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0)
      expect(outcome.billedCents).toBe(outcome.paidCents + pr + co)
      expect(outcome.allowedCents).toBe(outcome.paidCents + outcome.patientResponsibilityCents)
      expect(outcome.status === 'paid').toBe(outcome.denial === null)
    }
  })

  it('denies 10-15% at first pass, more for Medicaid than for Medicare', () => {
    const rate = (rs: typeof records) => rs.filter((r) => r.outcome.denial !== null).length / rs.length
    expect(rate(records)).toBeGreaterThanOrEqual(0.1)
    expect(rate(records)).toBeLessThanOrEqual(0.15)
    const medicare = rate(records.filter((r) => r.claim.payer.id === '12502'))
    const medicaid = rate(records.filter((r) => r.claim.payer.id === 'TXMCD'))
    expect(medicaid - medicare).toBeGreaterThan(0.04)
  })

  it('answers each denial with its CARC, and RARC M127/N29 for incomplete documentation', () => {
    const carcOf = { 'missing-modifier-25': ['4'], 'unbundled-ncci': ['97', '236'], 'incomplete-documentation': ['16'], 'prior-auth-required': ['197'], 'exceeds-mue': ['151'], 'not-medically-necessary': ['50'], 'timely-filing': ['29'], eligibility: ['27'], duplicate: ['18'] }
    for (const { outcome } of records) {
      if (!outcome.denial) continue
      expect(carcOf[outcome.denial.pattern]).toContain(outcome.denial.carc)
      if (outcome.denial.pattern === 'incomplete-documentation') expect(outcome.denial.rarc).toEqual(['M127', 'N29'])
      if (outcome.denial.pattern === 'missing-modifier-25') expect(outcome.adjustments.some((a) => a.line === 1 && a.reason === '4')).toBe(true)
    }
  })

  it('appeals 40-70% of denials, resolved 10-30 days after filing, with overturn rates near configured (4 standard errors)', () => {
    const denied = records.filter((r) => r.outcome.denial !== null)
    const appealed = denied.filter((r) => r.outcome.appeal !== null)
    expect(appealed.length / denied.length).toBeGreaterThanOrEqual(0.4)
    expect(appealed.length / denied.length).toBeLessThanOrEqual(0.7)
    for (const r of appealed) {
      const days = (Date.parse(r.outcome.appeal!.resolvedOn) - Date.parse(r.outcome.appeal!.filedOn)) / 86_400_000
      expect(days).toBeGreaterThanOrEqual(10)
      expect(days).toBeLessThanOrEqual(30)
    }
    const byPattern = new Map<string, typeof appealed>()
    for (const r of appealed) byPattern.set(r.outcome.denial!.pattern, [...(byPattern.get(r.outcome.denial!.pattern) ?? []), r])
    for (const [pattern, group] of byPattern) {
      if (group.length < 100) continue
      const expected = group.reduce((s, r) => s + Math.min(1, { 'missing-modifier-25': 0.7, 'incomplete-documentation': 0.4, 'not-medically-necessary': 0.2 }[pattern] ?? NaN) * payerById.get(r.claim.payer.id)!.overturnMultiplier, 0) / group.length
      if (Number.isNaN(expected)) continue
      const observed = group.filter((r) => r.outcome.appeal!.overturned).length / group.length
      const se = Math.sqrt((expected * (1 - expected)) / group.length)
      expect(Math.abs(observed - expected), `${pattern}: ${observed} vs ${expected}`).toBeLessThan(4 * se)
    }
  })

  it('denies for timely filing exactly when the filing delay exceeds the payer limit', () => {
    let late = 0
    for (const r of records) {
      const limit = payerById.get(r.claim.payer.id)!.timelyFilingDays
      const pattern = r.outcome.denial?.pattern
      if (pattern === 'timely-filing') {
        late++
        expect(r.outcome.filingDelayDays).toBeGreaterThan(limit)
      } else if (pattern !== 'duplicate') {
        expect(r.outcome.filingDelayDays).toBeLessThanOrEqual(limit)
      }
    }
    expect(late).toBeGreaterThan(20)
  })

  it('writes a note naming every diagnosis, with documented time unless documentation is the denial', () => {
    for (const r of records) {
      const text = r.note.text.toLowerCase()
      for (const code of r.claim.diagnoses) expect(text).toContain(diagnosisDescription(code).toLowerCase())
      expect(r.note.truth.diagnoses).toEqual(r.claim.diagnoses)
      // A duplicate resends an earlier claim with its note, which may be an incomplete one.
      const incomplete = r.outcome.denial?.pattern === 'incomplete-documentation' || (r.outcome.denial?.pattern === 'duplicate' && r.note.truth.minutes === null)
      if (incomplete) expect(r.note.truth.minutes).toBeNull()
      else {
        expect(r.note.truth.minutes).toBeGreaterThan(0)
        expect(r.note.text).toContain(`${r.note.truth.minutes} min`)
      }
    }
  })

  it('has arrivals on weekdays between 8:00 and 18:00, mostly', () => {
    const hours = records.map((r) => Number(r.arrivedAt.slice(11, 13)))
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(8)
    expect(Math.max(...hours)).toBeLessThan(18)
    const weekend = records.filter((r) => [0, 6].includes(new Date(`${r.claim.serviceDate}T00:00:00Z`).getUTCDay())).length
    expect(weekend / records.length).toBeLessThan(0.05)
  })
})
