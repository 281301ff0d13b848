import { canonicalRequest, importHmacKey, SIGNATURE_HEADERS, SIGNATURE_VERSION, sha256Hex } from './signing'

export interface SignedHeaders {
  keyId: string
  timestamp: number
  nonce: string
  bodySha256: string
  signatureHex: string
}

export type ParseSignedHeadersResult =
  | { ok: true; value: SignedHeaders }
  | { ok: false; reason: 'missing-signature-headers' | 'malformed-signature-headers' }

export type VerifySignedRequestResult =
  | { ok: true }
  | { ok: false; reason: 'stale-timestamp' | 'body-hash-mismatch' | 'bad-signature' }

export interface VerifySignedRequestInput {
  method: string
  url: URL
  headers: SignedHeaders
  /** The raw body bytes as received; an empty array when there is none. */
  body: Uint8Array
  /** The token's derived signing key (see deriveSigningKey), already decrypted by the caller. */
  signingKey: Uint8Array
  nowSec: number
  windowSec?: number
}

/** Long enough for ordinary clock drift and retries, short enough that the nonce table stays small. */
export const DEFAULT_WINDOW_SEC = 300

// Token ids come from newId('ptk'). Shape only: whether the token exists is the caller's lookup.
const KEY_ID = /^ptk_[0-9A-HJKMNP-TV-Z]{26}$/
// Canonical decimal only: the number is turned back into text for the canonical string, so a form that
// does not survive that round trip ("+1767225600", "01767225600") would fail later as a bad signature.
const TIMESTAMP = /^(?:0|[1-9][0-9]{0,11})$/
const NONCE = /^[A-Za-z0-9_-]{16,64}$/
const SHA256_HEX = /^[0-9a-f]{64}$/
const SIGNATURE = new RegExp(`^${SIGNATURE_VERSION}=([0-9a-f]{64})$`)

export function parseSignedHeaders(headers: Headers): ParseSignedHeadersResult {
  const keyId = headers.get(SIGNATURE_HEADERS.key)
  const timestamp = headers.get(SIGNATURE_HEADERS.timestamp)
  const nonce = headers.get(SIGNATURE_HEADERS.nonce)
  const bodySha256 = headers.get(SIGNATURE_HEADERS.contentSha256)
  const signature = headers.get(SIGNATURE_HEADERS.signature)
  if (!keyId || !timestamp || !nonce || !bodySha256 || !signature) {
    return { ok: false, reason: 'missing-signature-headers' }
  }

  const signatureHex = SIGNATURE.exec(signature)?.[1]
  if (
    !KEY_ID.test(keyId) ||
    !TIMESTAMP.test(timestamp) ||
    !NONCE.test(nonce) ||
    !SHA256_HEX.test(bodySha256) ||
    signatureHex === undefined
  ) {
    return { ok: false, reason: 'malformed-signature-headers' }
  }

  return { ok: true, value: { keyId, timestamp: Number(timestamp), nonce, bodySha256, signatureHex } }
}

/**
 * Checks that the request was signed with `signingKey`, recently, over exactly this method, path, query
 * and body. The caller still owns what needs the database: finding and decrypting the key for
 * `headers.keyId`, refusing revoked tokens and missing scopes, and refusing a nonce seen before for the
 * token within the window.
 */
export async function verifySignedRequest(input: VerifySignedRequestInput): Promise<VerifySignedRequestResult> {
  const { headers } = input
  const windowSec = input.windowSec ?? DEFAULT_WINDOW_SEC
  if (Math.abs(input.nowSec - headers.timestamp) > windowSec) return { ok: false, reason: 'stale-timestamp' }

  // The header is what was signed; the body is what arrived. Both must agree or a signed hash could
  // carry an arbitrary body.
  if ((await sha256Hex(input.body)) !== headers.bodySha256) return { ok: false, reason: 'body-hash-mismatch' }

  const canonical = canonicalRequest({
    method: input.method,
    path: input.url.pathname,
    query: input.url.searchParams,
    timestamp: String(headers.timestamp),
    nonce: headers.nonce,
    bodySha256: headers.bodySha256,
  })
  // subtle.verify recomputes the HMAC and compares it natively in constant time, which a byte loop in
  // JavaScript cannot promise once the JIT has optimised it.
  const key = await importHmacKey(input.signingKey, 'verify')
  const data = new TextEncoder().encode(canonical)
  const valid = await crypto.subtle.verify('HMAC', key, fromHex(headers.signatureHex), data)
  return valid ? { ok: true } : { ok: false, reason: 'bad-signature' }
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}
