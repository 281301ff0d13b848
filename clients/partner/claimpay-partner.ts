/**
 * A small client for ClaimPay's partner API that signs every request (docs/partner-signing.md). It has
 * no dependencies beyond Web Crypto and fetch, so it runs in Node 20+, Deno, Bun, Workers and browsers
 * and can be copied into a partner's codebase together with worker/identity/partner/signing.ts.
 */
import {
  canonicalRequest,
  deriveSigningKey,
  SIGNATURE_HEADERS,
  SIGNATURE_VERSION,
  sha256Hex,
  signCanonical,
  toHex,
} from '../../worker/identity/partner/signing'

export interface PartnerClientOptions {
  /** Where the API is served, e.g. `https://api.claimpay.example`; paths are appended to it. */
  baseUrl: string
  /** The token's public id, `ptk_...`. */
  tokenId: string
  /** The token's secret, `cps_...`, shown once when the token was created. */
  secret: string
  fetch?: typeof fetch
  /** Milliseconds since the epoch, like Date.now; replace it only in tests. */
  now?: () => number
  /** 16 to 64 characters of [A-Za-z0-9_-], never repeated for a token; replace it only in tests. */
  nonce?: () => string
}

export interface PartnerClient {
  /** `pathWithQuery` is the path under `baseUrl` with its query, e.g. `/api/v1/partner/portfolio?limit=50`. */
  request(method: string, pathWithQuery: string, body?: unknown): Promise<Response>
  get(pathWithQuery: string): Promise<Response>
  post(pathWithQuery: string, body: unknown): Promise<Response>
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  // A bare global fetch, called off an object, fails with "Illegal invocation" in browsers and workerd.
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const now = options.now ?? Date.now
  const nonce = options.nonce ?? randomNonce
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  // Derived once: the secret itself is never needed again after this.
  const signingKey = deriveSigningKey(options.secret)

  async function request(method: string, pathWithQuery: string, body?: unknown): Promise<Response> {
    // Sign the URL as fetch will send it: the URL parser normalises the path (dot segments, escaping),
    // and the server sees and verifies the normalised form.
    const url = new URL(baseUrl + (pathWithQuery.startsWith('/') ? pathWithQuery : `/${pathWithQuery}`))
    // The hash must be of the exact bytes sent, so the body is encoded once and sent as those bytes.
    const bytes = body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(body))
    const timestamp = String(Math.floor(now() / 1000))
    const requestNonce = nonce()
    const bodySha256 = await sha256Hex(bytes)
    const canonical = canonicalRequest({
      method,
      path: url.pathname,
      query: url.searchParams,
      timestamp,
      nonce: requestNonce,
      bodySha256,
    })
    const signature = await signCanonical(await signingKey, canonical)

    const headers = new Headers({
      accept: 'application/json',
      [SIGNATURE_HEADERS.key]: options.tokenId,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: requestNonce,
      [SIGNATURE_HEADERS.contentSha256]: bodySha256,
      [SIGNATURE_HEADERS.signature]: `${SIGNATURE_VERSION}=${signature}`,
    })
    if (body !== undefined) headers.set('content-type', 'application/json')
    return send(url.href, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : bytes })
  }

  return {
    request,
    get: (pathWithQuery) => request('GET', pathWithQuery),
    post: (pathWithQuery, body) => request('POST', pathWithQuery, body),
  }
}

function randomNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)))
}
