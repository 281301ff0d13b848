import { describe, expect, it } from 'vitest'
import { ClaimInput } from '../../contracts'
import { validateClaimCodes } from '../../coding/validate-claim-codes'
import { parseClaimsCsv, writeClaimsCsv } from '../../ingest'
import { generateProvider } from '../engine'
import { recentClaimInputs } from './recent-claim-inputs'
import { syntheticPatientName } from './synthetic-parties'
import { toClaimInput } from './to-claim-input'
import { testRecords } from './test-records'

const { provider, records } = testRecords()

describe('toClaimInput', () => {
  const claims = records.map((r) => toClaimInput(r, provider))

  it('is the engine claim with its patient and note, valid under the API contract unchanged', () => {
    const [record, claim] = [records[0]!, claims[0]!]
    const name = syntheticPatientName(record.patient)
    expect(claim).toMatchObject({ ...record.claim, note: record.note.text })
    expect(claim.patient).toMatchObject({ sex: record.patient.sex, memberId: record.patient.memberId, address: { city: provider.city, state: provider.state } })
    expect(`${claim.patient!.firstName} ${claim.patient!.lastName}`.toUpperCase()).toBe(`${name.first} ${name.last}`)
    for (const c of claims) expect(ClaimInput.parse(c)).toEqual(c)
  })

  it('round-trips through the upload CSV, patient columns and note included', () => {
    expect(parseClaimsCsv(writeClaimsCsv(claims))).toEqual({ ok: true, claims })
  })
})

describe('recentClaimInputs', () => {
  const options = { seed: 20_000, provider: generateProvider({ seed: 1, specialty: 'family-medicine', claimsPerDay: 20 }), count: 300, today: '2026-03-15' }
  const claims = recentClaimInputs(options)

  it('gives the most recent claims of the last 30 days, none on or after today, each number once', () => {
    expect(claims).toHaveLength(300)
    const dates = claims.map((c) => c.serviceDate)
    expect(dates.every((d) => d >= '2026-02-13' && d < '2026-03-15')).toBe(true)
    expect(dates.at(-1)).toBe('2026-03-14')
    expect(new Set(claims.map((c) => c.claimNumber)).size).toBe(claims.length)
    expect(recentClaimInputs(options)).toEqual(claims)
  })

  it('uses codes the coding step accepts, with a patient and a note on every claim', () => {
    for (const c of claims) {
      expect(validateClaimCodes(c)).toMatchObject({ ok: true })
      expect(c.patient).toBeDefined()
      expect(c.note).toBeTruthy()
    }
  })

  it('returns fewer when the window holds fewer', () => {
    expect(recentClaimInputs({ ...options, days: 1, count: 10_000 }).length).toBeLessThan(100)
  })
})
