import { describe, expect, it } from 'vitest'
import { canonicalQuery, canonicalRequest, deriveSigningKey, sha256Hex, signCanonical, toHex } from './signing'

// The worked example in docs/partner-signing.md. The expected values were computed once with Node's
// node:crypto (createHash, createHmac) and checked with openssl, independently of this module.
const SECRET = 'cps_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
const BODY = '{"fundingId":"fnd_01JGZ8Q3V4T5XW6Y7Z8A9B0C1D","decision":"approve","amountCents":1250000}'
const SIGNING_KEY_HEX = 'e35b14333724b95ef20ba9e5baff59b5dc986d9824bf4875bd971802d5851db1'
const BODY_SHA256 = '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe3'
const CANONICAL = [
  'CLAIMPAY-HMAC-SHA256-V1',
  'POST',
  '/api/v1/partner/funding/approve',
  'a=0&a=1&b=2',
  '1767225600',
  'kq3RZ7w_Tn9vX2pL-a8Mc4',
  '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe3',
].join('\n')
const SIGNATURE = '1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d'

describe('the worked example', () => {
  it('derives the signing key from the whole secret, prefix included', async () => {
    const key = await deriveSigningKey(SECRET)
    expect(key).toHaveLength(32)
    expect(toHex(key)).toBe(SIGNING_KEY_HEX)
  })

  it('hashes the body bytes', async () => {
    expect(await sha256Hex(BODY)).toBe(BODY_SHA256)
    expect(await sha256Hex(new TextEncoder().encode(BODY))).toBe(BODY_SHA256)
  })

  it('builds the canonical string', () => {
    const canonical = canonicalRequest({
      method: 'post',
      path: '/api/v1/partner/funding/approve',
      query: 'b=2&a=1&a=0',
      timestamp: '1767225600',
      nonce: 'kq3RZ7w_Tn9vX2pL-a8Mc4',
      bodySha256: BODY_SHA256,
    })
    expect(canonical).toBe(CANONICAL)
  })

  it('signs the canonical string', async () => {
    expect(await signCanonical(await deriveSigningKey(SECRET), CANONICAL)).toBe(SIGNATURE)
  })
})

describe('sha256Hex', () => {
  it('hashes no body as the empty string', async () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    expect(await sha256Hex('')).toBe(empty)
    expect(await sha256Hex(new Uint8Array())).toBe(empty)
  })
})

describe('canonicalQuery', () => {
  it('is empty without parameters', () => {
    expect(canonicalQuery('')).toBe('')
    expect(canonicalQuery('?')).toBe('')
    expect(canonicalQuery(new URLSearchParams())).toBe('')
  })

  it('sorts by name, then value, and accepts a leading ?', () => {
    expect(canonicalQuery('?z=1&b=2&b=10&a=')).toBe('a=&b=10&b=2&z=1')
    expect(canonicalQuery(new URLSearchParams('b=2&a=1&a=0'))).toBe('a=0&a=1&b=2')
  })

  it('sorts by code unit, not by locale', () => {
    expect(canonicalQuery('b=1&B=1&a=1&_=1')).toBe('B=1&_=1&a=1&b=1')
  })

  it('spells every encoding of the same value one way', () => {
    const expected = 'from=2026-01-01&name=%C3%A9&q=a%20b%2Bc%26d'
    expect(canonicalQuery('q=a+b%2Bc%26d&from=2026-01-01&name=%C3%A9')).toBe(expected)
    expect(canonicalQuery('q=a%20b%2bc%26d&from=2026%2D01%2D01&name=%c3%a9')).toBe(expected)
    expect(canonicalQuery(new URLSearchParams({ q: 'a b+c&d', from: '2026-01-01', name: 'é' }))).toBe(expected)
  })
})

describe('canonicalRequest', () => {
  it('keeps the path exactly as sent', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      path: '/api/v1/partner/portfolio/prv%2Fdemo',
      query: '',
      timestamp: '1767225600',
      nonce: 'kq3RZ7w_Tn9vX2pL-a8Mc4',
      bodySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    })
    expect(canonical.split('\n')).toEqual([
      'CLAIMPAY-HMAC-SHA256-V1',
      'GET',
      '/api/v1/partner/portfolio/prv%2Fdemo',
      '',
      '1767225600',
      'kq3RZ7w_Tn9vX2pL-a8Mc4',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ])
  })
})
