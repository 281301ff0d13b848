import { describe, expect, it } from 'vitest'
import { checkClaimForParse } from '../claims'
import { icd10Status, isKnownProcedureCode, validateClaimCodes } from '../coding'
import { ClaimInput } from '../contracts'
import { parseClaimsCsv, writeClaimsCsv } from '../ingest'
import { isApprovedForPayout, scoreClaimByRules } from '../risk'
import { DEMO_COMORBIDITIES, DEMO_ENCOUNTERS, DEMO_HEADER_CODES, DEMO_UNKNOWN_CODES, DEMO_VISITS } from './demo-catalogue'
import { generateDemoClaimInputs, generateDemoClaims, withDemoFlaws } from './demo-claims'

const TODAY = '2026-03-10'
const demo = generateDemoClaims({ seed: 42, count: 400, today: TODAY, flawRate: 0.2 })
const valid = demo.filter((d) => d.flaw === null).map((d) => d.claim)

describe('the demo catalogue', () => {
  it('uses only real billable diagnoses and known procedure codes', () => {
    const diagnoses = new Set([...DEMO_ENCOUNTERS.flatMap((e) => e.diagnoses), ...DEMO_COMORBIDITIES])
    expect(diagnoses.size).toBeGreaterThanOrEqual(40)
    expect([...diagnoses].filter((c) => icd10Status(c) !== 'billable')).toEqual([])
    const procedures = [...DEMO_VISITS.map((v) => v.code), ...DEMO_ENCOUNTERS.flatMap((e) => e.services.map((s) => s.code))]
    expect(procedures.filter((c) => !isKnownProcedureCode(c))).toEqual([])
    expect(DEMO_HEADER_CODES.map(icd10Status)).toEqual(DEMO_HEADER_CODES.map(() => 'header'))
    expect(DEMO_UNKNOWN_CODES.map(icd10Status)).toEqual(DEMO_UNKNOWN_CODES.map(() => 'unknown'))
  })
})

describe('generateDemoClaims', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoClaims({ seed: 42, count: 400, today: TODAY, flawRate: 0.2 })).toEqual(demo)
    expect(generateDemoClaims({ seed: 43, count: 400, today: TODAY, flawRate: 0.2 })).not.toEqual(demo)
  })

  it('gives every claim a unique claim number and flaws about as often as asked', () => {
    expect(new Set(demo.map((d) => d.claim.claimNumber)).size).toBe(400)
    expect(demo[0]?.claim.claimNumber).toBe('DEMO-42-000001')
    const flawed = demo.length - valid.length
    expect(flawed).toBeGreaterThan(40)
    expect(flawed).toBeLessThan(120)
  })

  it('makes valid claims that pass every stage and are approved', () => {
    for (const claim of valid) {
      expect(ClaimInput.parse(claim)).toEqual(claim)
      expect(validateClaimCodes(claim)).toEqual({ ok: true })
      expect(checkClaimForParse(claim, TODAY)).toEqual({ ok: true })
      expect(isApprovedForPayout(scoreClaimByRules({ claim, today: TODAY }).score, 80)).toBe(true)
    }
  })

  it('makes flawed claims that fail where they should', () => {
    for (const { claim, flaw } of demo) {
      if (flaw === 'header-diagnosis') expect(validateClaimCodes(claim)).toMatchObject({ ok: false, reasons: [{ code: 'icd10-not-billable' }] })
      if (flaw === 'unknown-diagnosis') expect(validateClaimCodes(claim)).toMatchObject({ ok: false, reasons: [{ code: 'icd10-unknown' }] })
      if (flaw === 'future-service-date') expect(checkClaimForParse(claim, TODAY)).toMatchObject({ ok: false, reasons: [{ code: 'service-date-in-future' }] })
      if (flaw === 'stale-service-date') expect(isApprovedForPayout(scoreClaimByRules({ claim, today: TODAY }).score, 80)).toBe(false)
    }
  })

  it('round-trips through the upload CSV', () => {
    const claims = demo.map((d) => d.claim)
    expect(parseClaimsCsv(writeClaimsCsv(valid))).toEqual({ ok: true, claims: valid })
    expect(parseClaimsCsv(writeClaimsCsv(claims))).toEqual({ ok: true, claims })
  })
})

describe('withDemoFlaws', () => {
  it('flaws about the share asked for, the same way for the same seed, and leaves the rest alone', () => {
    const clean = generateDemoClaimInputs({ seed: 3, count: 400, today: '2026-11-20', flawRate: 0 })
    const a = withDemoFlaws(clean, { seed: 9, today: '2026-11-20', flawRate: 0.1 })
    expect(withDemoFlaws(clean, { seed: 9, today: '2026-11-20', flawRate: 0.1 })).toEqual(a)
    const flawed = a.filter((d) => d.flaw)
    expect(flawed.length).toBeGreaterThan(20)
    expect(flawed.length).toBeLessThan(60)
    a.forEach((d, i) => {
      if (!d.flaw) expect(d.claim).toBe(clean[i])
      else expect(d.claim).not.toEqual(clean[i])
    })
  })
})
