import { beforeAll, describe, expect, it } from 'vitest'
import type { AccessKeys } from './access-jwt'
import { accessCertsUrl, createKeyCache, parseCertsResponse, verifyAccessJwt } from './access-jwt'
import { devAccessKeys, generateDevAccessKey, signDevAccessJwt } from './dev-access'

const TEAM = 'https://acme.cloudflareaccess.com'
const CONFIG = { teamDomain: TEAM, aud: 'aud-tag-1' }
const NOW = 1_750_000_000
const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const

let keyA: string
let keyB: string
let publicA: JsonWebKey & { kid: string }
let publicB: JsonWebKey & { kid: string }
let kidA: string

beforeAll(async () => {
  ;[keyA, keyB] = await Promise.all([generateDevAccessKey(), generateDevAccessKey()])
  publicA = (await devAccessKeys(keyA)).publicJwks[0] as JsonWebKey & { kid: string }
  publicB = (await devAccessKeys(keyB)).publicJwks[0] as JsonWebKey & { kid: string }
  kidA = publicA.kid
})

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const b64urlJson = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)))
const unb64url = (part: string) => Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

/** Signs any header and payload with a dev private key, for tokens signDevAccessJwt would never make. */
async function signRaw(privateJwkJson: string, header: object, payload: object): Promise<string> {
  const { kid: _kid, ...jwk } = JSON.parse(privateJwkJson) as JsonWebKey & { kid: string }
  const key = await crypto.subtle.importKey('jwk', jwk, RS256, false, ['sign'])
  const input = `${b64urlJson(header)}.${b64urlJson(payload)}`
  const signature = new Uint8Array(await crypto.subtle.sign(RS256, key, new TextEncoder().encode(input)))
  return `${input}.${b64url(signature)}`
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: 'ana@clinic.example', sub: 'sub-1', iss: TEAM, aud: [CONFIG.aud], iat: NOW, nbf: NOW, exp: NOW + 600, ...overrides }
}

/** Key lookups counted, to show which refusals happen before any key is touched. */
async function countedKeys(privateJwkJson: string): Promise<AccessKeys & { lookups: string[] }> {
  const keys = await devAccessKeys(privateJwkJson)
  const lookups: string[] = []
  return { lookups, keyFor: (kid) => (lookups.push(kid), keys.keyFor(kid)) }
}

const mint = (overrides: { email?: string; aud?: string; iss?: string; ttlSec?: number } = {}, now = NOW) =>
  signDevAccessJwt(keyA, { email: 'ana@clinic.example', aud: CONFIG.aud, iss: TEAM, ...overrides }, now)

describe('verifyAccessJwt', () => {
  it('accepts a valid token and returns its claims, aud as a list', async () => {
    const result = await verifyAccessJwt(await mint(), CONFIG, await devAccessKeys(keyA), NOW)
    expect(result).toMatchObject({ ok: true, claims: { email: 'ana@clinic.example', iss: TEAM, aud: [CONFIG.aud] } })
    // Members outside AccessClaims are not passed on.
    expect(Object.keys(result.ok ? result.claims : {}).sort()).toEqual(['aud', 'email', 'exp', 'iat', 'iss', 'nbf', 'sub'])
  })

  it('accepts aud as a single string and among other audiences', async () => {
    const keys = await devAccessKeys(keyA)
    const header = { alg: 'RS256', kid: kidA }
    const single = await signRaw(keyA, header, claims({ aud: CONFIG.aud }))
    const among = await signRaw(keyA, header, claims({ aud: ['other-app', CONFIG.aud] }))
    expect(await verifyAccessJwt(single, CONFIG, keys, NOW)).toMatchObject({ ok: true, claims: { aud: [CONFIG.aud] } })
    expect(await verifyAccessJwt(among, CONFIG, keys, NOW)).toMatchObject({ ok: true })
  })

  it('treats a trailing slash on the issuer or the team domain as the same issuer', async () => {
    const keys = await devAccessKeys(keyA)
    expect(await verifyAccessJwt(await mint({ iss: `${TEAM}/` }), CONFIG, keys, NOW)).toMatchObject({ ok: true })
    expect(await verifyAccessJwt(await mint(), { ...CONFIG, teamDomain: `${TEAM}/` }, keys, NOW)).toMatchObject({ ok: true })
  })

  it('refuses a missing token', async () => {
    const keys = await countedKeys(keyA)
    expect(await verifyAccessJwt(undefined, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'missing' })
    expect(await verifyAccessJwt('', CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'missing' })
    expect(keys.lookups).toEqual([])
  })

  it('refuses a token whose signature has one byte changed', async () => {
    const [header, payload, signature] = (await mint()).split('.') as [string, string, string]
    const bytes = unb64url(signature)
    bytes[100] = bytes[100]! ^ 0x01
    const result = await verifyAccessJwt(`${header}.${payload}.${b64url(bytes)}`, CONFIG, await devAccessKeys(keyA), NOW)
    expect(result).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await mint()).split('.') as [string, string, string]
    const forged = `${header}.${b64urlJson(claims({ email: 'admin@claimpay.example' }))}.${signature}`
    expect(await verifyAccessJwt(forged, CONFIG, await devAccessKeys(keyA), NOW)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a token signed by another key under a trusted kid', async () => {
    const forged = await signRaw(keyB, { alg: 'RS256', kid: kidA }, claims())
    expect(await verifyAccessJwt(forged, CONFIG, await devAccessKeys(keyA), NOW)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a token with an empty or truncated signature', async () => {
    const [header, payload, signature] = (await mint()).split('.') as [string, string, string]
    const keys = await devAccessKeys(keyA)
    expect(await verifyAccessJwt(`${header}.${payload}.`, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'bad-signature' })
    const short = b64url(unb64url(signature).slice(0, 255))
    expect(await verifyAccessJwt(`${header}.${payload}.${short}`, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a token for another application', async () => {
    const result = await verifyAccessJwt(await mint({ aud: 'other-app' }), CONFIG, await devAccessKeys(keyA), NOW)
    expect(result).toEqual({ ok: false, reason: 'wrong-aud' })
  })

  it('refuses a token from another team', async () => {
    const keys = await devAccessKeys(keyA)
    expect(await verifyAccessJwt(await mint({ iss: 'https://evil.cloudflareaccess.com' }), CONFIG, keys, NOW)).toEqual({
      ok: false,
      reason: 'wrong-iss',
    })
    expect(await verifyAccessJwt(await mint({ iss: `${TEAM}.evil.example` }), CONFIG, keys, NOW)).toEqual({
      ok: false,
      reason: 'wrong-iss',
    })
  })

  it('refuses an expired token, allowing 60 s of clock skew', async () => {
    const keys = await devAccessKeys(keyA)
    const token = await mint({ ttlSec: 600 })
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW + 600 + 59)).toMatchObject({ ok: true })
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW + 600 + 60)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token not yet valid, allowing 60 s of clock skew', async () => {
    const keys = await devAccessKeys(keyA)
    const token = await mint({}, NOW + 600)
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW + 540)).toMatchObject({ ok: true })
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW + 539)).toEqual({ ok: false, reason: 'not-yet-valid' })
  })

  it('refuses an unsigned alg none token without looking up a key', async () => {
    const keys = await countedKeys(keyA)
    const token = `${b64urlJson({ alg: 'none', kid: kidA })}.${b64urlJson(claims())}.`
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'alg-not-allowed' })
    const noKid = `${b64urlJson({ alg: 'none' })}.${b64urlJson(claims())}.`
    expect(await verifyAccessJwt(noKid, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'alg-not-allowed' })
    expect(keys.lookups).toEqual([])
  })

  it('refuses HS256 keyed with the public key, the algorithm confusion attack, without a key lookup', async () => {
    const keys = await countedKeys(keyA)
    const input = `${b64urlJson({ alg: 'HS256', kid: kidA, typ: 'JWT' })}.${b64urlJson(claims())}`
    const forged = async (secret: Uint8Array) => {
      const hmac = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      return `${input}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(input))))}`
    }
    const rsaPublic = await crypto.subtle.importKey('jwk', { ...publicA, key_ops: undefined }, RS256, true, ['verify'])
    const spki = new Uint8Array((await crypto.subtle.exportKey('spki', rsaPublic)) as ArrayBuffer)
    const jwkText = new TextEncoder().encode(JSON.stringify(publicA))
    for (const secret of [spki, jwkText]) {
      expect(await verifyAccessJwt(await forged(secret), CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'alg-not-allowed' })
    }
    expect(keys.lookups).toEqual([])
  })

  it.each(['RS512', 'PS256', 'ES256', 'rs256', 'RS256 '])('refuses alg %j', async (alg) => {
    const keys = await countedKeys(keyA)
    const token = await signRaw(keyA, { alg, kid: kidA }, claims())
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'alg-not-allowed' })
    expect(keys.lookups).toEqual([])
  })

  it.each([
    ['one part', 'abc'],
    ['two parts', 'abc.def'],
    ['four parts', 'a.b.c.d'],
    ['only dots', '..'],
    ['a bearer prefix', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.'],
    ['header not base64url', '!!!.e30.'],
    ['header not JSON', `${b64url(new TextEncoder().encode('{"alg":'))}.e30.`],
    ['header a JSON array', `${b64urlJson(['RS256'])}.e30.`],
    ['header JSON null', `${b64urlJson(null)}.e30.`],
    ['header not UTF-8', `${b64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.e30.`],
    ['alg not a string', `${b64urlJson({ alg: 256, kid: 'k' })}.e30.`],
    ['no alg', `${b64urlJson({ kid: 'k' })}.e30.`],
  ])('calls a token with %s malformed', async (_label, token) => {
    const keys = await countedKeys(keyA)
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'malformed' })
    expect(keys.lookups).toEqual([])
  })

  it('calls malformed a header without a kid, with crit, or parts in padded or standard base64', async () => {
    const keys = await countedKeys(keyA)
    const [header, payload, signature] = (await mint()).split('.') as [string, string, string]
    const tokens = [
      await signRaw(keyA, { alg: 'RS256' }, claims()),
      await signRaw(keyA, { alg: 'RS256', kid: '' }, claims()),
      await signRaw(keyA, { alg: 'RS256', kid: kidA, crit: ['exp'] }, claims()),
      `${header}.${payload}.${signature}==`,
      `${header}=.${payload}.${signature}`,
      `${header}.${payload}.+${signature.slice(1)}`,
      // 256 bytes are 342 characters; 341 is a length no encoder produces.
      `${header}.${payload}.${signature.slice(0, -1)}`,
    ]
    for (const token of tokens) {
      expect(await verifyAccessJwt(token, CONFIG, keys, NOW), token.slice(0, 60)).toEqual({ ok: false, reason: 'malformed' })
    }
  })

  it('calls malformed a part spelled in non-canonical base64url', async () => {
    // "e30" is "{}"; "e31" decodes to the same bytes with different unused bits.
    const keys = await countedKeys(keyA)
    const token = `${b64urlJson({ alg: 'RS256', kid: kidA })}.e31.`
    expect(await verifyAccessJwt(token, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('calls malformed a correctly signed payload without a usable email or exp', async () => {
    const keys = await devAccessKeys(keyA)
    const header = { alg: 'RS256', kid: kidA }
    const bad = [
      claims({ email: undefined }),
      claims({ email: 42 }),
      claims({ email: '' }),
      claims({ exp: undefined }),
      claims({ exp: '1750000600' }),
      claims({ aud: [1] }),
      claims({ sub: null }),
    ]
    for (const payload of bad) {
      expect(await verifyAccessJwt(await signRaw(keyA, header, payload), CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'malformed' })
    }
    const arrayPayload = await signRaw(keyA, header, [claims()])
    expect(await verifyAccessJwt(arrayPayload, CONFIG, keys, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a kid it has no key for', async () => {
    const token = await signRaw(keyA, { alg: 'RS256', kid: 'not-a-known-kid' }, claims())
    expect(await verifyAccessJwt(token, CONFIG, await devAccessKeys(keyA), NOW)).toEqual({ ok: false, reason: 'unknown-kid' })
  })
})

describe('createKeyCache', () => {
  function source(initial: JsonWebKey[] | null) {
    const state = { jwks: initial, calls: [] as boolean[] }
    const fetchJwks = async (forceRefresh: boolean) => (state.calls.push(forceRefresh), state.jwks)
    return { state, fetchJwks }
  }
  function clock(start = NOW * 1000) {
    const c = { ms: start, now: () => c.ms }
    return c
  }

  it('loads once and serves known kids from memory', async () => {
    const { state, fetchJwks } = source([publicA])
    const cache = createKeyCache(fetchJwks, clock().now)
    const token = await mint()
    expect(await verifyAccessJwt(token, CONFIG, cache, NOW)).toMatchObject({ ok: true })
    expect(await verifyAccessJwt(token, CONFIG, cache, NOW)).toMatchObject({ ok: true })
    expect(state.calls).toEqual([false])
  })

  it('refetches once for an unknown kid, then refuses further unknown kids for 30 s without fetching', async () => {
    const { state, fetchJwks } = source([publicA])
    const time = clock()
    const cache = createKeyCache(fetchJwks, time.now)
    expect(await cache.keyFor(kidA)).not.toBeNull()
    time.ms += 30_000

    const unknown = await signRaw(keyA, { alg: 'RS256', kid: 'random-1' }, claims())
    expect(await verifyAccessJwt(unknown, CONFIG, cache, NOW)).toEqual({ ok: false, reason: 'unknown-kid' })
    expect(state.calls).toEqual([false, true])

    for (let i = 2; i < 20; i++) expect(await cache.keyFor(`random-${i}`)).toBeNull()
    time.ms += 29_999
    expect(await cache.keyFor('random-20')).toBeNull()
    expect(state.calls).toEqual([false, true])
    // The known key is still served while unknown kids are being refused.
    expect(await cache.keyFor(kidA)).not.toBeNull()

    time.ms += 1
    expect(await cache.keyFor('random-21')).toBeNull()
    expect(state.calls).toEqual([false, true, true])
  })

  it('shares one fetch between concurrent lookups of an unknown kid', async () => {
    const { state, fetchJwks } = source([publicA])
    const cache = createKeyCache(fetchJwks, clock().now)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => cache.keyFor(i % 2 ? kidA : `random-${i}`)))
    expect(results.filter((key) => key !== null)).toHaveLength(5)
    expect(state.calls).toEqual([false])
  })

  it('accepts a rotated key once the certs endpoint lists it', async () => {
    const { state, fetchJwks } = source([publicA])
    const time = clock()
    const cache = createKeyCache(fetchJwks, time.now)
    expect(await verifyAccessJwt(await mint(), CONFIG, cache, NOW)).toMatchObject({ ok: true })

    state.jwks = [publicA, publicB]
    time.ms += 45_000
    const rotated = await signDevAccessJwt(keyB, { email: 'ana@clinic.example', aud: CONFIG.aud, iss: TEAM }, NOW)
    expect(await verifyAccessJwt(rotated, CONFIG, cache, NOW)).toMatchObject({ ok: true })
    expect(state.calls).toEqual([false, true])
  })

  it('stops trusting a key the certs endpoint dropped, within an hour', async () => {
    const { state, fetchJwks } = source([publicA, publicB])
    const time = clock()
    const cache = createKeyCache(fetchJwks, time.now)
    expect(await cache.keyFor(kidA)).not.toBeNull()

    state.jwks = [publicB]
    time.ms += 59 * 60_000
    expect(await cache.keyFor(kidA)).not.toBeNull()
    time.ms += 60_000
    expect(await cache.keyFor(kidA)).toBeNull()
    expect(await cache.keyFor(publicB.kid)).not.toBeNull()
    expect(state.calls).toEqual([false, false])
  })

  it('keeps the keys it has when a fetch fails or throws', async () => {
    const { state, fetchJwks } = source([publicA])
    const time = clock()
    let throwNext = false
    const cache = createKeyCache(async (force) => {
      if (throwNext) throw new Error('certs endpoint unreachable')
      return fetchJwks(force)
    }, time.now)
    expect(await cache.keyFor(kidA)).not.toBeNull()

    state.jwks = null
    time.ms += 60 * 60_000
    expect(await cache.keyFor(kidA)).not.toBeNull()
    throwNext = true
    time.ms += 60 * 60_000
    expect(await cache.keyFor(kidA)).not.toBeNull()
  })

  it('fetches again after 30 s when the first load failed', async () => {
    const { state, fetchJwks } = source(null)
    const time = clock()
    const cache = createKeyCache(fetchJwks, time.now)
    expect(await cache.keyFor(kidA)).toBeNull()
    state.jwks = [publicA]
    expect(await cache.keyFor(kidA)).toBeNull()
    time.ms += 30_000
    expect(await cache.keyFor(kidA)).not.toBeNull()
    expect(state.calls).toEqual([false, true])
  })

  it('skips keys it cannot use: not RSA, no kid, short modulus, another alg, unimportable', async () => {
    const shortModulus = b64url(unb64url(publicA.n!).slice(0, 128))
    const { fetchJwks } = source([
      { ...publicA, kid: 'ec', kty: 'EC', crv: 'P-256' },
      { ...publicA, kid: undefined } as unknown as JsonWebKey,
      { ...publicA, kid: 'short', n: shortModulus },
      { ...publicA, kid: 'rs512', alg: 'RS512' },
      { ...publicA, kid: 'enc', use: 'enc' },
      { ...publicA, kid: 'garbage-e', e: '!!' },
      publicB,
    ])
    const cache = createKeyCache(fetchJwks, clock().now)
    for (const kid of ['ec', 'short', 'rs512', 'enc', 'garbage-e']) expect(await cache.keyFor(kid), kid).toBeNull()
    expect(await cache.keyFor(publicB.kid)).not.toBeNull()
  })
})

describe('accessCertsUrl', () => {
  it('appends the certs path once, with or without a trailing slash', () => {
    expect(accessCertsUrl(TEAM)).toBe('https://acme.cloudflareaccess.com/cdn-cgi/access/certs')
    expect(accessCertsUrl(`${TEAM}/`)).toBe('https://acme.cloudflareaccess.com/cdn-cgi/access/certs')
  })
})

describe('parseCertsResponse', () => {
  it('keeps the RSA signing keys with a kid and drops the rest', () => {
    const body = {
      keys: [
        { kid: 'k1', kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', n: 'abc' },
        { kid: 'k2', kty: 'RSA', e: 'AQAB', n: 'def', x5c: ['MII...'] },
        { kty: 'RSA', e: 'AQAB', n: 'no-kid' },
        { kid: 'ec', kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
        { kid: 'ps', kty: 'RSA', alg: 'PS256', e: 'AQAB', n: 'ghi' },
        'not a key',
        null,
      ],
      public_cert: { kid: 'k1', cert: '-----BEGIN CERTIFICATE-----' },
      public_certs: [{ kid: 'k1', cert: '-----BEGIN CERTIFICATE-----' }],
    }
    expect(parseCertsResponse(body)).toEqual([
      { kid: 'k1', kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', n: 'abc' },
      { kid: 'k2', kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', n: 'def' },
    ])
  })

  it('is null for a body that is not a certs response', () => {
    for (const body of [null, 'keys', [], {}, { keys: 'k1' }, { keys: null }]) expect(parseCertsResponse(body)).toBeNull()
    expect(parseCertsResponse({ keys: [] })).toEqual([])
  })
})
