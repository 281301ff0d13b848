import { beforeAll, describe, expect, it } from 'vitest'
import { blobKeyVersion, decryptBlob, encryptBlob, isSealedBlob } from './blob-cipher'
import type { Keyring } from './keyring'
import { generateKeyMaterial, parseKeyring } from './keyring'

const k1 = generateKeyMaterial()
const k2 = generateKeyMaterial()
const AAD = 'uploads:upl_123'

async function keyring(phiKeys: string, active: string): Promise<Keyring> {
  const result = await parseKeyring({ PHI_KEYS: phiKeys, PHI_ACTIVE_KEY: active, BLIND_INDEX_KEY: generateKeyMaterial() })
  if (!result.ok) throw new Error(result.reason)
  return result.keyring
}

let v1Only: Keyring
let rotated: Keyring
beforeAll(async () => {
  v1Only = await keyring(`v1:${k1}`, 'v1')
  rotated = await keyring(`v1:${k1},v2:${k2}`, 'v2')
})

const text = (s: string) => new TextEncoder().encode(s)

describe('encryptBlob / decryptBlob', () => {
  it.each([new Uint8Array(0), text('ISA*00*...~ Zoë 王'), crypto.getRandomValues(new Uint8Array(65_536))])('round-trips %#', async (bytes) => {
    const sealed = await encryptBlob(rotated, bytes, AAD)
    expect(sealed.length).toBe(4 + 2 + 12 + bytes.length + 16)
    expect(new TextDecoder().decode(sealed.subarray(0, 4))).toBe('CPB1')
    expect(blobKeyVersion(sealed)).toBe(2)
    expect(isSealedBlob(sealed)).toBe(true)
    const opened = await decryptBlob(rotated, sealed, AAD)
    expect(opened.ok).toBe(true)
    if (opened.ok) expect(opened.value).toEqual(bytes)
  })

  it('round-trips a 10 MiB file', async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024).fill(0x5a)
    const opened = await decryptBlob(v1Only, await encryptBlob(v1Only, bytes, AAD), AAD)
    expect(opened.ok && opened.value.length).toBe(bytes.length)
  })

  it('decrypts from a view into a larger buffer', async () => {
    const sealed = await encryptBlob(v1Only, text('claim file'), AAD)
    const padded = new Uint8Array(sealed.length + 8)
    padded.set(sealed, 3)
    const opened = await decryptBlob(v1Only, padded.subarray(3, 3 + sealed.length), AAD)
    expect(opened.ok && new TextDecoder().decode(opened.value)).toBe('claim file')
  })

  it('differs each time for the same file', async () => {
    const a = await encryptBlob(v1Only, text('same'), AAD)
    const b = await encryptBlob(v1Only, text('same'), AAD)
    expect(a).not.toEqual(b)
  })

  it('fails as tampered under another AAD or with any flipped bit, header included', async () => {
    const sealed = await encryptBlob(v1Only, text('claim file'), AAD)
    expect(await decryptBlob(v1Only, sealed, 'uploads:upl_999')).toEqual({ ok: false, reason: 'tampered' })
    for (const index of [6, 17, 18, sealed.length - 1]) {
      const flipped = sealed.slice()
      flipped[index]! ^= 0x01
      expect(await decryptBlob(v1Only, flipped, AAD)).toEqual({ ok: false, reason: 'tampered' })
    }
  })

  it('reports an unknown key version', async () => {
    const sealed = await encryptBlob(rotated, text('claim file'), AAD)
    expect(await decryptBlob(v1Only, sealed, AAD)).toEqual({ ok: false, reason: 'unknown-key-version' })
  })

  it('reports what is not an encrypted blob as malformed', async () => {
    const plain = text('%PDF-1.7 a plain upload from before encryption, long enough')
    expect(isSealedBlob(plain)).toBe(false)
    expect(blobKeyVersion(plain)).toBeNull()
    expect(await decryptBlob(v1Only, plain, AAD)).toEqual({ ok: false, reason: 'malformed' })
    const sealed = await encryptBlob(v1Only, text(''), AAD)
    expect(await decryptBlob(v1Only, sealed.subarray(0, sealed.length - 1), AAD)).toEqual({ ok: false, reason: 'malformed' })
  })
})
