/**
 * The partner request-signing scheme (v1), shared by the Worker, which verifies, and the partner client,
 * which signs. Written against Web Crypto only, so the same file runs in workerd, Node 20 and a
 * partner's own code. The scheme itself is described for partners in docs/partner-signing.md; any change
 * here is a breaking change for every bank that has implemented it, so it gets a new version instead.
 */

export const SIGNATURE_HEADERS = {
  key: 'X-ClaimPay-Key',
  timestamp: 'X-ClaimPay-Timestamp',
  nonce: 'X-ClaimPay-Nonce',
  contentSha256: 'X-ClaimPay-Content-SHA256',
  signature: 'X-ClaimPay-Signature',
} as const

/** The `v1=` in `X-ClaimPay-Signature` lets a later scheme run beside this one during a migration. */
export const SIGNATURE_VERSION = 'v1'

const ALGORITHM_LINE = 'CLAIMPAY-HMAC-SHA256-V1'
// Domain separation: the key signs only partner requests, never anything else derived from the secret.
const KEY_DERIVATION_PREFIX = 'claimpay-partner-signing-v1:'

const utf8 = new TextEncoder()

export interface CanonicalRequestParts {
  method: string
  /** The URL pathname exactly as sent; percent-encoding is kept, never decoded or re-encoded. */
  path: string
  query: URLSearchParams | string
  /** Unix seconds, as the decimal string sent in the header. */
  timestamp: string
  nonce: string
  /** Lowercase hex SHA-256 of the raw body bytes. */
  bodySha256: string
}

/**
 * The HMAC key for a token secret (the whole `cps_...` string). ClaimPay stores only this derived key, so
 * a leak of the token table does not reveal the secret a partner typed into their configuration.
 */
export async function deriveSigningKey(secret: string): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(KEY_DERIVATION_PREFIX + secret))
  return new Uint8Array(digest)
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    ALGORITHM_LINE,
    parts.method.toUpperCase(),
    parts.path,
    canonicalQuery(parts.query),
    parts.timestamp,
    parts.nonce,
    parts.bodySha256,
  ].join('\n')
}

/**
 * Proxies, HTTP libraries and partners' own code reorder and re-escape query strings, so the signature
 * covers the decoded parameters in one fixed order and spelling rather than the bytes of the query.
 * Sorting uses JavaScript's default string order (UTF-16 code units), which is byte order for ASCII.
 */
export function canonicalQuery(query: URLSearchParams | string): string {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query
  const pairs = [...params.entries()]
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')
}

export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? utf8.encode(bytes) : bytes
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)))
}

/** Lowercase hex HMAC-SHA256 of the canonical string. */
export async function signCanonical(key: Uint8Array, canonical: string): Promise<string> {
  const hmacKey = await importHmacKey(key, 'sign')
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, utf8.encode(canonical))))
}

export function importHmacKey(key: Uint8Array, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [usage])
}

export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  return hex
}

function compare(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}
