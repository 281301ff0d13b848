import { describe, expect, it } from 'vitest'
import { ClaimInput } from '../../contracts/claim'
import { isValidNpi } from './npi'
import { remittanceBalances } from './remittance-balance'
import { buildTestClaim837, buildTestRemittance, testClaimInput, testNpi } from './test-claims'

describe('test claim fixtures', () => {
  it('start from a ClaimInput our contract accepts and carry its values over', () => {
    const input = ClaimInput.parse(testClaimInput())
    const claim = buildTestClaim837(input, { index: 4, dependant: true, renderingProvider: true })
    expect(claim.claimId).toBe(input.claimNumber)
    expect(claim.payer.id).toBe(input.payer.id)
    expect(claim.totalChargeCents).toBe(16_050)
    expect(claim.diagnoses.map((d) => d.qualifier)).toEqual(['ABK', 'ABF'])
    expect(claim.lines.map((l) => [l.lineNumber, l.procedureCode, l.serviceDate])).toEqual([
      [1, '99213', '2026-02-27'],
      [2, '87880', '2026-02-27'],
    ])
  })

  it('use NPIs that pass the check digit and names that say they are fake', () => {
    for (let i = 0; i < 50; i++) {
      const claim = buildTestClaim837(testClaimInput(), { index: i, renderingProvider: true })
      expect(isValidNpi(claim.billingProvider.id!)).toBe(true)
      expect(isValidNpi(claim.renderingProvider!.id!)).toBe(true)
      expect(claim.subscriber.lastOrOrganizationName).toMatch(/^TEST/)
      expect(claim.billingProvider.lastOrOrganizationName).toMatch(/^TEST/)
    }
    expect(testNpi(1)).toBe(testNpi(1))
  })

  it('build a remittance that balances, with or without a provider adjustment', () => {
    const claims = [0, 1].map((index) => buildTestClaim837(testClaimInput({ claimNumber: `C${index}` }), { index }))
    expect(remittanceBalances(buildTestRemittance(claims))).toEqual({ ok: true })
    expect(remittanceBalances(buildTestRemittance(claims, { plbCents: 12_345 }))).toEqual({ ok: true })
    expect(remittanceBalances(buildTestRemittance(claims, { plbCents: -5 }))).toEqual({ ok: true })
  })
})
