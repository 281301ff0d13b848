import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64Url, generateKeyMaterial, keyringCache, parseKeyring } from './keyring'

const k1 = generateKeyMaterial()
const k2 = generateKeyMaterial()
const blind = generateKeyMaterial()

function expectReason(result: Awaited<ReturnType<typeof parseKeyring>>, pattern: RegExp, secrets: string[]) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.reason).toMatch(pattern)
  for (const secret of secrets) expect(result.reason).not.toContain(secret)
}

describe('generateKeyMaterial', () => {
  it('is base64 of 32 random bytes', () => {
    expect(decodeBase64(k1)?.length).toBe(32)
    expect(k1).not.toBe(k2)
  })
})

describe('parseKeyring', () => {
  it('imports every version, the active one and the blind index key, none extractable', async () => {
    const result = await parseKeyring({ PHI_KEYS: `v1:${k1}, v2:${k2}`, PHI_ACTIVE_KEY: 'v2', BLIND_INDEX_KEY: blind })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.keyring.active).toBe(2)
    expect([...result.keyring.keys.keys()]).toEqual([1, 2])
    for (const key of result.keyring.keys.values()) {
      expect(key.algorithm.name).toBe('AES-GCM')
      expect(key.extractable).toBe(false)
    }
    expect(result.keyring.blindIndexKey.algorithm.name).toBe('HMAC')
    expect(result.keyring.blindIndexKey.extractable).toBe(false)
  })

  it('accepts base64url keys', async () => {
    const urlKey = encodeBase64Url(decodeBase64(k1)!)
    const result = await parseKeyring({ PHI_KEYS: `v7:${urlKey}`, PHI_ACTIVE_KEY: 'v7', BLIND_INDEX_KEY: blind })
    expect(result.ok).toBe(true)
  })

  it('reports missing secrets by name', async () => {
    expectReason(await parseKeyring({ PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }), /^PHI_KEYS is not set$/, [blind])
    expectReason(await parseKeyring({ PHI_KEYS: ' ', PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }), /^PHI_KEYS is not set$/, [blind])
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, BLIND_INDEX_KEY: blind }), /^PHI_ACTIVE_KEY is not set$/, [k1, blind])
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1' }), /^BLIND_INDEX_KEY is not set$/, [k1])
  })

  it('rejects bad base64 without echoing it', async () => {
    const bad = `${k1.slice(0, 20)}!!${k1.slice(22)}`
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${bad}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }), /v1 is not valid base64/, [bad, k1.slice(0, 20), blind])
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: `${blind}@` }), /BLIND_INDEX_KEY is not valid base64/, [k1, blind])
  })

  it('rejects keys of the wrong length', async () => {
    const short = generateKeyMaterial().slice(0, 24) // 18 bytes
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1},v2:${short}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }), /v2 is 18 bytes, expected 32/, [short, k1, blind])
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: short }), /BLIND_INDEX_KEY is 18 bytes/, [short, k1])
  })

  it('rejects an active version that is not listed', async () => {
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1},v2:${k2}`, PHI_ACTIVE_KEY: 'v3', BLIND_INDEX_KEY: blind }), /v3 is not among the PHI_KEYS versions \(v1, v2\)/, [k1, k2, blind])
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: '1', BLIND_INDEX_KEY: blind }), /PHI_ACTIVE_KEY is not of the form/, [k1, blind])
  })

  it('rejects malformed entries, bad versions and duplicates', async () => {
    const base = { PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }
    expectReason(await parseKeyring({ ...base, PHI_KEYS: k1 }), /entry 1 is not of the form/, [k1])
    expectReason(await parseKeyring({ ...base, PHI_KEYS: `v1:${k1},` }), /entry 2 is not of the form/, [k1])
    expectReason(await parseKeyring({ ...base, PHI_KEYS: `v0:${k1}` }), /entry 1 has a version outside/, [k1])
    expectReason(await parseKeyring({ ...base, PHI_KEYS: `v70000:${k1}` }), /entry 1 has a version outside/, [k1])
    expectReason(await parseKeyring({ ...base, PHI_KEYS: `v1:${k1},v1:${k2}` }), /v1 more than once/, [k1, k2])
  })

  it('refuses a blind index key equal to a PHI key', async () => {
    expectReason(await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: k1 }), /must differ from PHI_KEYS key v1/, [k1])
  })
})

describe('keyringCache', () => {
  it('parses once per set of secrets and again when they change', async () => {
    const cache = keyringCache()
    const env = { PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind }
    const first = cache(env)
    expect(cache({ ...env })).toBe(first)
    const a = await first
    expect(a.ok).toBe(true)

    const rotated = cache({ ...env, PHI_KEYS: `v1:${k1},v2:${k2}`, PHI_ACTIVE_KEY: 'v2' })
    expect(rotated).not.toBe(first)
    const b = await rotated
    expect(b.ok && b.keyring.active).toBe(2)
  })

  it('keeps a failure for the same secrets (it would fail the same way)', async () => {
    const cache = keyringCache()
    const env = { PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v9', BLIND_INDEX_KEY: blind }
    expect(cache(env)).toBe(cache(env))
    expect((await cache(env)).ok).toBe(false)
  })
})
