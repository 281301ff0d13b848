import { z } from 'zod'
import { base64url, fromBase64url } from '../secrets'

/**
 * The short-lived session token in the `cp_at` cookie: a compact HS256 JWT naming the session, the
 * user and the provider. It proves who is asking without a database read; the session row is still
 * checked on each request so that a removed member or a logged-out session stops at once.
 */
export const ACCESS_TOKEN_TTL_SEC = 10 * 60

export const AccessTokenClaims = z.object({
  sid: z.string().startsWith('ses_'),
  sub: z.string().startsWith('usr_'),
  prv: z.string().startsWith('prv_'),
  iat: z.int(),
  exp: z.int(),
})
export type AccessTokenClaims = z.infer<typeof AccessTokenClaims>

const HEADER = base64url(new TextEncoder().encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))

export async function importSessionKey(secretBase64: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(secretBase64), (ch) => ch.charCodeAt(0))
  if (raw.length < 32) throw new Error('SESSION_SIGNING_KEY must be at least 32 bytes')
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
}

export async function signAccessToken(key: CryptoKey, claims: Omit<AccessTokenClaims, 'iat' | 'exp'>, nowSec: number): Promise<string> {
  const payload = base64url(new TextEncoder().encode(JSON.stringify({ ...claims, iat: nowSec, exp: nowSec + ACCESS_TOKEN_TTL_SEC })))
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${HEADER}.${payload}`))
  return `${HEADER}.${payload}.${base64url(new Uint8Array(signature))}`
}

export type AccessTokenResult = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

export async function verifyAccessToken(key: CryptoKey, token: string, nowSec: number): Promise<AccessTokenResult> {
  const parts = token.split('.')
  // Only our own header is accepted: no algorithm is read from the token.
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' }
  const [, payload, signature] = parts as [string, string, string]
  const signatureBytes = fromBase64url(signature)
  const payloadBytes = fromBase64url(payload)
  if (!signatureBytes || !payloadBytes) return { ok: false, reason: 'malformed' }
  const valid = await crypto.subtle.verify('HMAC', key, signatureBytes, new TextEncoder().encode(`${HEADER}.${payload}`))
  if (!valid) return { ok: false, reason: 'bad-signature' }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(payloadBytes))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const claims = AccessTokenClaims.safeParse(json)
  if (!claims.success) return { ok: false, reason: 'malformed' }
  if (claims.data.exp <= nowSec) return { ok: false, reason: 'expired' }
  return { ok: true, claims: claims.data }
}
