import { describe, expect, it } from 'vitest'
import { deriveSigningKey, parseSignedHeaders, verifySignedRequest } from '../../worker/identity/partner'
import { createPartnerClient } from './claimpay-partner'

const SECRET = 'cps_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
const TOKEN_ID = 'ptk_01JGZ8Q3V4T5XW6Y7Z8A9B0C1E'
const NOW_MS = 1767225600_000

function recordingFetch() {
  const sent: Request[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init))
    return new Response(null, { status: 204 })
  }
  return { sent, fetch: fetch as typeof globalThis.fetch }
}

async function verifyAsServer(request: Request, nowSec = NOW_MS / 1000) {
  const parsed = parseSignedHeaders(request.headers)
  if (!parsed.ok) return parsed
  return verifySignedRequest({
    method: request.method,
    url: new URL(request.url),
    headers: parsed.value,
    body: new Uint8Array(await request.arrayBuffer()),
    signingKey: await deriveSigningKey(SECRET),
    nowSec,
  })
}

describe('createPartnerClient', () => {
  it('signs a POST that the server verifies', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({ baseUrl: 'https://api.claimpay.example', tokenId: TOKEN_ID, secret: SECRET, fetch, now: () => NOW_MS })

    const response = await client.post('/api/v1/partner/funding/approve?b=2&a=1', { fundingId: 'fnd_1', decision: 'approve' })

    expect(response.status).toBe(204)
    expect(sent).toHaveLength(1)
    const request = sent[0]!
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/json')
    expect(request.headers.get('x-claimpay-key')).toBe(TOKEN_ID)
    expect(request.headers.get('x-claimpay-nonce')).toMatch(/^[0-9a-f]{32}$/)
    expect(await verifyAsServer(request)).toEqual({ ok: true })
  })

  it('reproduces the worked example from the documentation', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({
      baseUrl: 'https://api.claimpay.example/',
      tokenId: TOKEN_ID,
      secret: SECRET,
      fetch,
      now: () => NOW_MS + 999,
      nonce: () => 'kq3RZ7w_Tn9vX2pL-a8Mc4',
    })

    await client.post('/api/v1/partner/funding/approve?b=2&a=1&a=0', {
      fundingId: 'fnd_01JGZ8Q3V4T5XW6Y7Z8A9B0C1D',
      decision: 'approve',
      amountCents: 1250000,
    })

    const request = sent[0]!
    expect(request.url).toBe('https://api.claimpay.example/api/v1/partner/funding/approve?b=2&a=1&a=0')
    expect(await request.clone().text()).toBe(
      '{"fundingId":"fnd_01JGZ8Q3V4T5XW6Y7Z8A9B0C1D","decision":"approve","amountCents":1250000}',
    )
    expect(request.headers.get('x-claimpay-timestamp')).toBe('1767225600')
    expect(request.headers.get('x-claimpay-content-sha256')).toBe(
      '6bba69389241a7759622614906e1eb3cb04a66209c15bd42c08c884c1c40efe3',
    )
    expect(request.headers.get('x-claimpay-signature')).toBe(
      'v1=1b2c4783f22a7fbbdc2984e89420642984ebca4589c1b47f8492f5989420d84d',
    )
    expect(await verifyAsServer(request)).toEqual({ ok: true })
  })

  it('signs a GET with no body as the hash of nothing', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({ baseUrl: 'https://api.claimpay.example', tokenId: TOKEN_ID, secret: SECRET, fetch, now: () => NOW_MS })

    await client.get('/api/v1/partner/portfolio?limit=50&status=paid%20out')

    const request = sent[0]!
    expect(request.method).toBe('GET')
    expect(request.body).toBeNull()
    expect(request.headers.get('content-type')).toBeNull()
    expect(request.headers.get('x-claimpay-content-sha256')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(await verifyAsServer(request)).toEqual({ ok: true })
  })

  it('signs the path the URL parser normalised, which is the one the server sees', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({ baseUrl: 'https://api.claimpay.example', tokenId: TOKEN_ID, secret: SECRET, fetch, now: () => NOW_MS })

    await client.request('get', '/api/v1/partner/x/../portfolio/a b')

    const request = sent[0]!
    expect(new URL(request.url).pathname).toBe('/api/v1/partner/portfolio/a%20b')
    expect(await verifyAsServer(request)).toEqual({ ok: true })
  })

  it('uses a fresh nonce per request', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({ baseUrl: 'https://api.claimpay.example', tokenId: TOKEN_ID, secret: SECRET, fetch })

    await client.get('/api/v1/partner/portfolio')
    await client.get('/api/v1/partner/portfolio')

    expect(sent[0]!.headers.get('x-claimpay-nonce')).not.toBe(sent[1]!.headers.get('x-claimpay-nonce'))
    expect(await verifyAsServer(sent[0]!, Math.floor(Date.now() / 1000))).toEqual({ ok: true })
  })

  it('is refused by a server holding another token key', async () => {
    const { sent, fetch } = recordingFetch()
    const client = createPartnerClient({
      baseUrl: 'https://api.claimpay.example',
      tokenId: TOKEN_ID,
      secret: 'cps_HyAdHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA',
      fetch,
      now: () => NOW_MS,
    })

    await client.post('/api/v1/partner/funding/approve', { fundingId: 'fnd_1' })

    expect(await verifyAsServer(sent[0]!)).toEqual({ ok: false, reason: 'bad-signature' })
  })
})
