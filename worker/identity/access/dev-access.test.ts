import { beforeAll, describe, expect, it } from 'vitest'
import { verifyAccessJwt } from './access-jwt'
import { devAccessKeys, generateDevAccessKey, InvalidDevAccessKey, signDevAccessJwt } from './dev-access'

const CONFIG = { teamDomain: 'https://acme.cloudflareaccess.com', aud: 'aud-tag-1' }
const NOW = 1_750_000_000

let privateJwk: string
beforeAll(async () => {
  privateJwk = await generateDevAccessKey()
})

const payloadOf = (token: string): Record<string, unknown> => {
  const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')
  return JSON.parse(atob(part)) as Record<string, unknown>
}

describe('generateDevAccessKey', () => {
  it('is a private 2048-bit RSA JWK with a dev kid', () => {
    const jwk = JSON.parse(privateJwk) as Record<string, string>
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' })
    expect(jwk.kid).toMatch(/^dev-[A-Za-z0-9_-]{43}$/)
    // 256 bytes of modulus are 342 unpadded base64url characters.
    expect(jwk.n).toHaveLength(342)
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(typeof jwk[member]).toBe('string')
  })
})

describe('devAccessKeys', () => {
  it('publishes only the public half, for verification', async () => {
    const { publicJwks } = await devAccessKeys(privateJwk)
    const { kid, n } = JSON.parse(privateJwk) as Record<string, string>
    expect(publicJwks).toEqual([{ kty: 'RSA', kid, n, e: 'AQAB', alg: 'RS256', use: 'sig', key_ops: ['verify'], ext: true }])
  })

  it('answers only for its own kid', async () => {
    const keys = await devAccessKeys(privateJwk)
    const { kid } = JSON.parse(privateJwk) as Record<string, string>
    const key = await keys.keyFor(kid!)
    expect(key?.type).toBe('public')
    expect(key?.usages).toEqual(['verify'])
    expect(await keys.keyFor('another-kid')).toBeNull()
  })

  it('throws on a value that is not a private RSA JWK with a kid', async () => {
    const { d: _d, ...publicOnly } = JSON.parse(privateJwk) as Record<string, string>
    const { kid: _kid, ...noKid } = JSON.parse(privateJwk) as Record<string, string>
    await expect(devAccessKeys('not json')).rejects.toBeInstanceOf(InvalidDevAccessKey)
    await expect(devAccessKeys(JSON.stringify(publicOnly))).rejects.toBeInstanceOf(InvalidDevAccessKey)
    await expect(devAccessKeys(JSON.stringify(noKid))).rejects.toBeInstanceOf(InvalidDevAccessKey)
  })
})

describe('signDevAccessJwt', () => {
  const claims = { email: 'ana@clinic.example', aud: CONFIG.aud, iss: CONFIG.teamDomain }

  it('mints a token verifyAccessJwt accepts', async () => {
    const token = await signDevAccessJwt(privateJwk, claims, NOW)
    const result = await verifyAccessJwt(token, CONFIG, await devAccessKeys(privateJwk), NOW)
    expect(result).toEqual({
      ok: true,
      claims: {
        email: 'ana@clinic.example',
        sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        iss: CONFIG.teamDomain,
        aud: [CONFIG.aud],
        iat: NOW,
        nbf: NOW,
        exp: NOW + 3600,
      },
    })
  })

  it('carries the members Access puts in its tokens', async () => {
    const token = await signDevAccessJwt(privateJwk, { ...claims, ttlSec: 120 }, NOW)
    const { kid } = JSON.parse(privateJwk) as Record<string, string>
    expect(JSON.parse(atob(token.split('.')[0]!))).toEqual({ alg: 'RS256', kid, typ: 'JWT' })
    expect(payloadOf(token)).toMatchObject({ type: 'app', exp: NOW + 120, identity_nonce: expect.any(String) })
  })

  it('gives an email the same subject every time, and another email another', async () => {
    const first = payloadOf(await signDevAccessJwt(privateJwk, claims, NOW))
    const again = payloadOf(await signDevAccessJwt(privateJwk, { ...claims, email: 'ANA@clinic.example' }, NOW + 5))
    const other = payloadOf(await signDevAccessJwt(privateJwk, { ...claims, email: 'bo@clinic.example' }, NOW))
    expect(again.sub).toBe(first.sub)
    expect(other.sub).not.toBe(first.sub)
    expect(again.identity_nonce).not.toBe(first.identity_nonce)
  })

  it('is refused once its ttl has passed', async () => {
    const token = await signDevAccessJwt(privateJwk, { ...claims, ttlSec: 60 }, NOW)
    const result = await verifyAccessJwt(token, CONFIG, await devAccessKeys(privateJwk), NOW + 60 + 60)
    expect(result).toEqual({ ok: false, reason: 'expired' })
  })
})
