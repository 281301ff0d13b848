import { describe, expect, it } from 'vitest'
import { parseKeyring } from '../identity/crypto'
import { claimPhiAad, hasPhi, NO_PHI, openClaimPhi, sealClaimPhi, SealedFieldUnreadable } from './claim-phi'

const key = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

async function keyring() {
  const parsed = await parseKeyring({ PHI_KEYS: `v1:${key()}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: key() })
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.keyring
}

const patient = {
  firstName: 'Ada',
  lastName: 'Quillfeather',
  dateOfBirth: '1961-04-09',
  sex: 'F' as const,
  memberId: 'XQZ-448-1290',
  address: { line1: '12 Elm Row', city: 'Dayton', state: 'OH', postalCode: '45402' },
}
const serviceDate = '2026-03-02'

describe('claim PHI', () => {
  it('seals every identifier and opens them again for the same claim', async () => {
    const ring = await keyring()
    const sealed = await sealClaimPhi(ring, 'clm_A', { serviceDate, patient, note: 'Denies chest pain.' })
    const stored = JSON.stringify(sealed)
    for (const secret of ['Ada', 'Quillfeather', '1961-04-09', 'XQZ', '12 Elm Row', 'chest pain']) expect(stored).not.toContain(secret)
    expect(sealed.memberIdIndex).toMatch(/^[0-9a-f]{32}$/)
    expect(sealed.patientAge).toBe(64)
    expect(hasPhi(sealed)).toBe(true)
    expect(await openClaimPhi(ring, { id: 'clm_A', ...sealed })).toEqual({ patient, note: 'Denies chest pain.' })
  })

  it('matches the same member id however it is written, without storing it', async () => {
    const ring = await keyring()
    const a = await sealClaimPhi(ring, 'clm_A', { serviceDate, patient })
    const b = await sealClaimPhi(ring, 'clm_B', { serviceDate, patient: { ...patient, memberId: 'xqz 448 1290' } })
    expect(a.memberIdIndex).toBe(b.memberIdIndex)
    expect(a.memberIdSealed).not.toBe(b.memberIdSealed)
  })

  it('refuses to open a value moved to another claim', async () => {
    const ring = await keyring()
    const sealed = await sealClaimPhi(ring, 'clm_A', { serviceDate, patient })
    await expect(openClaimPhi(ring, { id: 'clm_B', ...sealed })).rejects.toBeInstanceOf(SealedFieldUnreadable)
    expect(claimPhiAad('memberIdSealed', 'clm_A')).toBe('claims.memberIdSealed:clm_A')
  })

  it('stores nothing for a claim without a patient or note', async () => {
    const ring = await keyring()
    expect(await sealClaimPhi(ring, 'clm_A', { serviceDate })).toEqual(NO_PHI)
    expect(await openClaimPhi(ring, { id: 'clm_A', ...NO_PHI })).toEqual({ patient: null, note: null })
  })
})
