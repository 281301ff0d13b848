import { z } from 'zod'
import type { AccessKeys } from './access-jwt'

// Development only: locally there is no Access in front of the Worker, so these tokens stand in
// for its header. The key is public in the repository, which is why it must never be trusted in
// production; the `dev-` kid prefix makes such a token easy to spot in logs.

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const
const DEFAULT_TTL_SECONDS = 60 * 60

/** The configured dev key is not a private RSA JWK with a kid: a setup mistake, not a user's. */
export class InvalidDevAccessKey extends Error {
  override name = 'InvalidDevAccessKey'
}

export type DevAccessClaims = { email: string; aud: string; iss: string; ttlSec?: number }

const PrivateRsaJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
})
type PrivateRsaJwk = z.infer<typeof PrivateRsaJwk>

/** A fresh private key as JSON, run once to produce the value in the dev-only example vars. */
export async function generateDevAccessKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey(
    { ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
  const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey
  const { n, e, d, p, q, dp, dq, qi } = jwk
  const kid = `dev-${await thumbprint(n ?? '', e ?? '')}`
  return JSON.stringify({ kty: 'RSA', kid, alg: 'RS256', use: 'sig', n, e, d, p, q, dp, dq, qi })
}

/** The verifying side of the dev key, shaped like the key cache and the certs endpoint. */
export async function devAccessKeys(
  privateJwkJson: string,
): Promise<AccessKeys & { publicJwks: JsonWebKey[] }> {
  const { kid, n, e } = readPrivateJwk(privateJwkJson)
  const publicJwk = { kty: 'RSA', kid, n, e, alg: 'RS256', use: 'sig', key_ops: ['verify'], ext: true }
  const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n, e, alg: 'RS256', ext: true }, RS256, false, [
    'verify',
  ])
  return {
    keyFor: async (wanted) => (wanted === kid ? key : null),
    publicJwks: [publicJwk],
  }
}

/** A token shaped like the one Access puts in `Cf-Access-Jwt-Assertion`, signed with the dev key. */
export async function signDevAccessJwt(
  privateJwkJson: string,
  { email, aud, iss, ttlSec = DEFAULT_TTL_SECONDS }: DevAccessClaims,
  nowSec: number,
): Promise<string> {
  const jwk = readPrivateJwk(privateJwkJson)
  const { kid, ...members } = jwk
  const key = await crypto.subtle.importKey('jwk', { ...members, alg: 'RS256', ext: true }, RS256, false, ['sign'])
  const header = { alg: 'RS256', kid, typ: 'JWT' }
  const payload = {
    aud: [aud],
    email,
    exp: nowSec + ttlSec,
    iat: nowSec,
    nbf: nowSec,
    iss,
    type: 'app',
    identity_nonce: base64Url(crypto.getRandomValues(new Uint8Array(12))),
    sub: await subjectFor(email),
  }
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(payload)}`
  const signature = await crypto.subtle.sign(RS256, key, new TextEncoder().encode(signingInput))
  return `${signingInput}.${base64Url(new Uint8Array(signature))}`
}

function readPrivateJwk(json: string): PrivateRsaJwk {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new InvalidDevAccessKey('dev Access key is not JSON')
  }
  const jwk = PrivateRsaJwk.safeParse(value)
  if (!jwk.success) throw new InvalidDevAccessKey('dev Access key is not a private RSA JWK with a kid')
  return jwk.data
}

// Access gives each user a UUID subject that does not change; the same email gets the same one here.
async function subjectFor(email: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.toLowerCase())))
  const bytes = digest.slice(0, 16)
  // RFC 9562 version 8 (application-defined) and the RFC variant, so it parses as a UUID.
  bytes[6] = (bytes[6]! & 0x0f) | 0x80
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// RFC 7638: a kid derived from the key itself, so regenerating the key always changes it.
async function thumbprint(n: string, e: string): Promise<string> {
  const canonical = JSON.stringify({ e, kty: 'RSA', n })
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical))))
}

function base64UrlJson(value: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)))
}

function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}
