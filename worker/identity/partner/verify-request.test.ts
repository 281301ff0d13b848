import { describe, expect, it } from 'vitest'
import { deriveSigningKey } from './signing'
import { parseSignedHeaders, verifySignedRequest } from './verify-request'
import type { SignedHeaders } from './verify-request'

// The worked example from docs/partner-signing.md (see signing.test.ts for where the values come from).
const SECRET = 'cps_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
const TIMESTAMP = 1767225600
const BODY = '{"fundingId":"fnd_01JGZ8Q3V4T5XW6Y7Z8A9B0C1D","decision":"approve","amountCents":1250000}'
const URL_AS_SENT = 'https://api.claimpay.example/api/v1/partner/funding/approve?b=2&a=1&a=0'
const HEADERS = {
  'X-ClaimPay-Key': 'ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1E',
  'X-ClaimPay-Timestamp': '1767225600',
  'X-ClaimPay-Nonce': 'kq3RZ7w_Tn9vX2pL-a8Mc4',
  'X-ClaimPay-Content-SHA256': '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe3',
  'X-ClaimPay-Signature': 'v1=1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d',
}

function parsed(overrides: Record<string, string> = {}): SignedHeaders {
  const result = parseSignedHeaders(new Headers({ ...HEADERS, ...overrides }))
  if (!result.ok) throw new Error(`example headers did not parse: ${result.reason}`)
  return result.value
}

async function verify(overrides: Partial<Parameters<typeof verifySignedRequest>[0]> = {}) {
  return verifySignedRequest({
    method: 'POST',
    url: new URL(URL_AS_SENT),
    headers: parsed(),
    body: new TextEncoder().encode(BODY),
    signingKey: await deriveSigningKey(SECRET),
    nowSec: TIMESTAMP,
    ...overrides,
  })
}

describe('parseSignedHeaders', () => {
  it('reads the example headers, whatever their case', () => {
    const lower = Object.fromEntries(Object.entries(HEADERS).map(([name, value]) => [name.toLowerCase(), value]))
    const result = parseSignedHeaders(new Headers(lower))
    expect(result).toEqual({
      ok: true,
      value: {
        keyId: 'ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1E',
        timestamp: 1767225600,
        nonce: 'kq3RZ7w_Tn9vX2pL-a8Mc4',
        bodySha256: '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe3',
        signatureHex: '1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d',
      },
    })
  })

  it.each(Object.keys(HEADERS))('refuses a request without %s', (name) => {
    const headers = new Headers(HEADERS)
    headers.delete(name)
    expect(parseSignedHeaders(headers)).toEqual({ ok: false, reason: 'missing-signature-headers' })
    headers.set(name, '')
    expect(parseSignedHeaders(headers)).toEqual({ ok: false, reason: 'missing-signature-headers' })
  })

  it('refuses an unsigned request as missing, not malformed', () => {
    expect(parseSignedHeaders(new Headers({ 'content-type': 'application/json' }))).toEqual({
      ok: false,
      reason: 'missing-signature-headers',
    })
  })

  it.each([
    ['X-ClaimPay-Key', 'prv_01JGZ8Q3V4T5XW6Y7Z8A9B0C1E'],
    ['X-ClaimPay-Key', 'ptk_'],
    ['X-ClaimPay-Key', 'ptk_01jgz8q3v4t5xw6y7z8a9b0c1e'],
    ['X-ClaimPay-Key', 'ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1'],
    ['X-ClaimPay-Key', 'ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1E, ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1F'],
    ['X-ClaimPay-Timestamp', '1767225600.5'],
    ['X-ClaimPay-Timestamp', '-1767225600'],
    ['X-ClaimPay-Timestamp', '+1767225600'],
    ['X-ClaimPay-Timestamp', '01767225600'],
    ['X-ClaimPay-Timestamp', '1767225600000000'],
    ['X-ClaimPay-Timestamp', 'Thu, 01 Jan 2026 00:00:00 GMT'],
    ['X-ClaimPay-Nonce', 'short-nonce'],
    ['X-ClaimPay-Nonce', 'kq3RZ7w+Tn9vX2pL/a8Mc4=='],
    ['X-ClaimPay-Nonce', 'n'.repeat(65)],
    ['X-ClaimPay-Content-SHA256', '6BBA69389241A7759622614906E1EB3CB04A66209C15BD42C08C884C1C40EFE3'],
    ['X-ClaimPay-Content-SHA256', '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe'],
    ['X-ClaimPay-Content-SHA256', 'a2JhNjkzODkyNDFhNzc1OTYyMjYxNDkwNmUxZWIzY2IwNGE2NjIwOWMxNWJkNDJj'],
    ['X-ClaimPay-Signature', '1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d'],
    ['X-ClaimPay-Signature', 'v2=1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d'],
    ['X-ClaimPay-Signature', 'v1=1B2C4783F22A7FBBDC2984E89420642984EBCA4589C1B47F8492F5989420D84D'],
    ['X-ClaimPay-Signature', 'v1=1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d8'],
    ['X-ClaimPay-Signature', 'v1=1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d, v1=00'],
  ])('refuses %s: %s as malformed', (name, value) => {
    expect(parseSignedHeaders(new Headers({ ...HEADERS, [name]: value }))).toEqual({
      ok: false,
      reason: 'malformed-signature-headers',
    })
  })
})

describe('verifySignedRequest', () => {
  it('accepts the worked example', async () => {
    expect(await verify()).toEqual({ ok: true })
  })

  it('accepts the same query in another order and spelling', async () => {
    const url = new URL('https://api.claimpay.example/api/v1/partner/funding/approve?a=0&b=%32&a=1')
    expect(await verify({ url })).toEqual({ ok: true })
  })

  it('refuses a wrong signature', async () => {
    const headers = parsed({ 'X-ClaimPay-Signature': `v1=0${HEADERS['X-ClaimPay-Signature'].slice(4)}` })
    expect(await verify({ headers })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a signature made with another token key', async () => {
    const signingKey = await deriveSigningKey('cps_HyAdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA')
    expect(await verify({ signingKey })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a body that is not the one hashed', async () => {
    const body = new TextEncoder().encode(BODY.replace('1250000', '9250000'))
    expect(await verify({ body })).toEqual({ ok: false, reason: 'body-hash-mismatch' })
    expect(await verify({ body: new Uint8Array() })).toEqual({ ok: false, reason: 'body-hash-mismatch' })
  })

  it('refuses a tampered body whose hash header was rewritten to match', async () => {
    const tampered = BODY.replace('1250000', '9250000')
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tampered)))
    const hash = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
    const result = await verify({
      body: new TextEncoder().encode(tampered),
      headers: parsed({ 'X-ClaimPay-Content-SHA256': hash }),
    })
    expect(result).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it.each([
    ['a changed value', '?b=3&a=1&a=0'],
    ['a dropped parameter', '?b=2&a=1'],
    ['an added parameter', '?b=2&a=1&a=0&c=1'],
    ['no query', ''],
  ])('refuses a query with %s', async (_, search) => {
    const url = new URL(`https://api.claimpay.example/api/v1/partner/funding/approve${search}`)
    expect(await verify({ url })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses another path or method', async () => {
    const url = new URL('https://api.claimpay.example/api/v1/partner/funding/decline?b=2&a=1&a=0')
    expect(await verify({ url })).toEqual({ ok: false, reason: 'bad-signature' })
    expect(await verify({ method: 'PUT' })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('refuses a replayed request under a fresh nonce or timestamp', async () => {
    const nonce = parsed({ 'X-ClaimPay-Nonce': 'kq3RZ7w_Tn9vX2pL-a8Mc5' })
    expect(await verify({ headers: nonce })).toEqual({ ok: false, reason: 'bad-signature' })
    const timestamp = parsed({ 'X-ClaimPay-Timestamp': String(TIMESTAMP + 1) })
    expect(await verify({ headers: timestamp, nowSec: TIMESTAMP })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('accepts clocks up to five minutes apart either way', async () => {
    expect(await verify({ nowSec: TIMESTAMP + 300 })).toEqual({ ok: true })
    expect(await verify({ nowSec: TIMESTAMP - 300 })).toEqual({ ok: true })
  })

  it('refuses a timestamp too old or too far ahead', async () => {
    expect(await verify({ nowSec: TIMESTAMP + 301 })).toEqual({ ok: false, reason: 'stale-timestamp' })
    expect(await verify({ nowSec: TIMESTAMP - 301 })).toEqual({ ok: false, reason: 'stale-timestamp' })
  })

  it('takes another window when given one', async () => {
    expect(await verify({ nowSec: TIMESTAMP + 61, windowSec: 60 })).toEqual({ ok: false, reason: 'stale-timestamp' })
    expect(await verify({ nowSec: TIMESTAMP - 60, windowSec: 60 })).toEqual({ ok: true })
  })

  it('checks the timestamp before the body and the signature', async () => {
    const result = await verify({ nowSec: TIMESTAMP + 301, body: new Uint8Array(), signingKey: new Uint8Array(32) })
    expect(result).toEqual({ ok: false, reason: 'stale-timestamp' })
  })
})
