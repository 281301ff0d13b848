import { beforeAll, describe, expect, it } from 'vitest'
import {
  decryptField,
  decryptOptional,
  encryptField,
  encryptOptional,
  needsReencryption,
  reencryptField,
  sealedKeyVersion,
} from './field-cipher'
import type { Keyring } from './keyring'
import { decodeBase64UrlStrict, encodeBase64Url, generateKeyMaterial, parseKeyring } from './keyring'

const k1 = generateKeyMaterial()
const k2 = generateKeyMaterial()
const blind = generateKeyMaterial()
const AAD = 'claims.patient_name:clm_123'

let v1Only: Keyring
let rotated: Keyring

async function keyring(phiKeys: string, active: string): Promise<Keyring> {
  const result = await parseKeyring({ PHI_KEYS: phiKeys, PHI_ACTIVE_KEY: active, BLIND_INDEX_KEY: blind })
  if (!result.ok) throw new Error(result.reason)
  return result.keyring
}

beforeAll(async () => {
  v1Only = await keyring(`v1:${k1}`, 'v1')
  rotated = await keyring(`v1:${k1},v2:${k2}`, 'v2')
})

describe('encryptField / decryptField', () => {
  it.each(['Jane Doe', '', 'Zoë Ångström-Nguyễn 王小明 🩺', 'x'.repeat(10_000), '\uFEFFstarts with a byte order mark'])('round-trips %#', async (plaintext) => {
    const sealed = await encryptField(v1Only, plaintext, AAD)
    expect(sealed).toMatch(/^cp1\.v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
    expect(await decryptField(v1Only, sealed, AAD)).toEqual({ ok: true, value: plaintext })
  })

  it('never repeats a ciphertext for the same value', async () => {
    const a = await encryptField(v1Only, 'Jane Doe', AAD)
    const b = await encryptField(v1Only, 'Jane Doe', AAD)
    expect(a).not.toBe(b)
    expect(a.split('.')[2]).not.toBe(b.split('.')[2])
  })

  it('does not show the plaintext', async () => {
    const sealed = await encryptField(v1Only, 'Jane Doe', AAD)
    expect(sealed).not.toContain('Jane')
    expect(sealed).not.toContain(btoa('Jane Doe').slice(0, 8))
  })

  it('fails as tampered when moved to another row or column', async () => {
    const sealed = await encryptField(v1Only, 'Jane Doe', AAD)
    expect(await decryptField(v1Only, sealed, 'claims.patient_name:clm_999')).toEqual({ ok: false, reason: 'tampered' })
    expect(await decryptField(v1Only, sealed, 'claims.notes:clm_123')).toEqual({ ok: false, reason: 'tampered' })
  })

  it('fails as tampered when any ciphertext or IV bit flips', async () => {
    const sealed = await encryptField(v1Only, 'Jane Doe', AAD)
    const [prefix, version, iv, body] = sealed.split('.') as [string, string, string, string]
    for (const target of ['iv', 'body'] as const) {
      const bytes = decodeBase64UrlStrict(target === 'iv' ? iv : body)!
      for (const bit of [0, 7, bytes.length * 8 - 1]) {
        const flipped = bytes.slice()
        flipped[bit >> 3]! ^= 1 << (bit & 7)
        const parts = target === 'iv' ? [prefix, version, encodeBase64Url(flipped), body] : [prefix, version, iv, encodeBase64Url(flipped)]
        expect(await decryptField(v1Only, parts.join('.'), AAD)).toEqual({ ok: false, reason: 'tampered' })
      }
    }
  })

  it('fails as tampered under the wrong key for the version', async () => {
    const sealed = await encryptField(v1Only, 'Jane Doe', AAD)
    const other = await keyring(`v1:${k2}`, 'v1')
    expect(await decryptField(other, sealed, AAD)).toEqual({ ok: false, reason: 'tampered' })
  })

  it('reports an unknown key version', async () => {
    const sealed = await encryptField(rotated, 'Jane Doe', AAD)
    expect(await decryptField(v1Only, sealed, AAD)).toEqual({ ok: false, reason: 'unknown-key-version' })
  })

  it.each([
    '',
    'Jane Doe',
    'cp1',
    'cp1.v1.AAAAAAAAAAAAAAAA',
    'cp2.v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'cp1.1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'cp1.v0.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'cp1.v01.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'cp1.v1.AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', // 9-byte IV
    'cp1.v1.AAAAAAAAAAAAAAAA.AAAA', // shorter than a tag
    'cp1.v1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA', // standard alphabet
    'cp1.v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA==', // padded
    'cp1.v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB', // non-canonical trailing bits
    'cp1.v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.extra',
  ])('reports %j as malformed', async (sealed) => {
    expect(await decryptField(v1Only, sealed, AAD)).toEqual({ ok: false, reason: 'malformed' })
    expect(sealedKeyVersion(sealed)).toBeNull()
  })
})

describe('rotation', () => {
  it('re-encrypts a v1 value under the active v2', async () => {
    const old = await encryptField(v1Only, 'MBR-0042', AAD)
    expect(sealedKeyVersion(old)).toBe(1)
    expect(needsReencryption(v1Only, old)).toBe(false)
    expect(needsReencryption(rotated, old)).toBe(true)
    expect(await decryptField(rotated, old, AAD)).toEqual({ ok: true, value: 'MBR-0042' })

    const result = await reencryptField(rotated, old, AAD)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(sealedKeyVersion(result.value)).toBe(2)
    expect(needsReencryption(rotated, result.value)).toBe(false)
    expect(await decryptField(rotated, result.value, AAD)).toEqual({ ok: true, value: 'MBR-0042' })
    // Once v1 is retired, only the re-encrypted value still opens.
    const retired = await keyring(`v2:${k2}`, 'v2')
    expect(await decryptField(retired, result.value, AAD)).toEqual({ ok: true, value: 'MBR-0042' })
    expect(await decryptField(retired, old, AAD)).toEqual({ ok: false, reason: 'unknown-key-version' })
  })

  it('leaves a value already under the active key as it is', async () => {
    const current = await encryptField(rotated, 'MBR-0042', AAD)
    expect(await reencryptField(rotated, current, AAD)).toEqual({ ok: true, value: current })
  })

  it('refuses to re-encrypt what does not decrypt, and flags malformed values for it', async () => {
    const old = await encryptField(v1Only, 'MBR-0042', AAD)
    expect(await reencryptField(rotated, old, 'claims.member_id:clm_other')).toEqual({ ok: false, reason: 'tampered' })
    expect(needsReencryption(rotated, 'garbage')).toBe(true)
    expect(await reencryptField(rotated, 'garbage', AAD)).toEqual({ ok: false, reason: 'malformed' })
  })
})

describe('optional fields', () => {
  it('keeps null and undefined as null and encrypts the empty string', async () => {
    expect(await encryptOptional(v1Only, null, AAD)).toBeNull()
    expect(await encryptOptional(v1Only, undefined, AAD)).toBeNull()
    expect(await decryptOptional(v1Only, null, AAD)).toEqual({ ok: true, value: null })
    expect(await decryptOptional(v1Only, undefined, AAD)).toEqual({ ok: true, value: null })

    const empty = await encryptOptional(v1Only, '', AAD)
    expect(empty).toMatch(/^cp1\.v1\./)
    expect(await decryptOptional(v1Only, empty, AAD)).toEqual({ ok: true, value: '' })
    expect(await decryptOptional(v1Only, empty, 'other')).toEqual({ ok: false, reason: 'tampered' })
  })
})
