import { z } from 'zod'

export type AccessConfig = {
  /** The team's Access origin, e.g. https://acme.cloudflareaccess.com: the only issuer trusted. */
  teamDomain: string
  /** The Access application's audience tag: a token minted for another application is refused. */
  aud: string
}

export type AccessClaims = {
  email: string
  sub: string
  iss: string
  aud: string[]
  exp: number
  iat?: number
  nbf?: number
}

export type AccessFailure =
  | 'missing'
  | 'malformed'
  | 'alg-not-allowed'
  | 'unknown-kid'
  | 'bad-signature'
  | 'wrong-aud'
  | 'wrong-iss'
  | 'expired'
  | 'not-yet-valid'

export type AccessVerification = { ok: true; claims: AccessClaims } | { ok: false; reason: AccessFailure }

/** Where signing keys come from; `forceRefresh` asks to bypass any cache in front of the certs URL. */
export type JwksSource = (forceRefresh: boolean) => Promise<JsonWebKey[] | null>

export type AccessKeys = { keyFor(kid: string): Promise<CryptoKey | null> }

type KeyedJwk = JsonWebKey & { kid: string }

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const
// Clocks of the Access edge and this isolate may disagree a little.
const LEEWAY_SECONDS = 60
// A token with an unknown kid costs at most one certs fetch per interval, however many arrive.
const REFETCH_INTERVAL_MS = 30_000
// Keys Access has rotated out stop being trusted within this long, even if no unknown kid shows up.
const MAX_KEY_AGE_MS = 60 * 60 * 1000
const MIN_MODULUS_BYTES = 256

const Claims = z.object({
  email: z.string().min(1),
  sub: z.string(),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number().optional(),
  nbf: z.number().optional(),
})

const CertsResponse = z.object({ keys: z.array(z.unknown()) })

const RsaJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  alg: z.literal('RS256').optional(),
  use: z.literal('sig').optional(),
})

export function accessCertsUrl(teamDomain: string): string {
  return `${withoutTrailingSlash(teamDomain)}/cdn-cgi/access/certs`
}

/**
 * The signing keys from the certs endpoint's `keys`; `public_cert(s)` repeat them as PEM and are
 * not needed. Null when the body is not a certs response at all.
 */
export function parseCertsResponse(json: unknown): JsonWebKey[] | null {
  const body = CertsResponse.safeParse(json)
  if (!body.success) return null
  const keys: KeyedJwk[] = []
  for (const candidate of body.data.keys) {
    const jwk = RsaJwk.safeParse(candidate)
    if (jwk.success) keys.push({ kty: 'RSA', kid: jwk.data.kid, n: jwk.data.n, e: jwk.data.e, alg: 'RS256', use: 'sig' })
  }
  return keys
}

/**
 * Imported verification keys by kid, shared by the requests an isolate serves. A fetch that fails
 * keeps the keys already held: Access being briefly unreachable should not sign everyone out.
 */
export function createKeyCache(fetchJwks: JwksSource, nowMs: () => number): AccessKeys {
  let keys = new Map<string, CryptoKey>()
  let fetchedAt: number | null = null
  let inFlight: Promise<void> | null = null

  const refresh = (forceRefresh: boolean): Promise<void> => {
    inFlight ??= (async () => {
      fetchedAt = nowMs()
      try {
        const jwks = await fetchJwks(forceRefresh).catch(() => null)
        if (jwks !== null) keys = await importVerifyKeys(jwks)
      } finally {
        inFlight = null
      }
    })()
    return inFlight
  }

  return {
    async keyFor(kid) {
      if (fetchedAt === null || nowMs() - fetchedAt >= MAX_KEY_AGE_MS) await refresh(false)
      else if (!keys.has(kid)) {
        if (inFlight !== null) await inFlight
        else if (nowMs() - fetchedAt >= REFETCH_INTERVAL_MS) await refresh(true)
      }
      return keys.get(kid) ?? null
    },
  }
}

/**
 * Verifies the `Cf-Access-Jwt-Assertion` header. The algorithm is fixed before any key is looked
 * up, so a token cannot choose `none` or an HMAC keyed with the public key.
 */
export async function verifyAccessJwt(
  token: string | undefined,
  config: AccessConfig,
  keys: AccessKeys,
  nowSec: number,
): Promise<AccessVerification> {
  if (token === undefined || token.trim() === '') return refuse('missing')
  const parts = token.split('.')
  if (parts.length !== 3) return refuse('malformed')
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]

  const header = decodeJsonObject(headerPart)
  if (header === null || typeof header.alg !== 'string') return refuse('malformed')
  if (header.alg !== 'RS256') return refuse('alg-not-allowed')
  // RFC 7515 §4.1.11: extensions this code does not know must make the token invalid.
  if ('crit' in header || typeof header.kid !== 'string' || header.kid === '') return refuse('malformed')
  const payload = decodeJsonObject(payloadPart)
  const signature = decodeBase64Url(signaturePart)
  if (payload === null || signature === null) return refuse('malformed')

  const key = await keys.keyFor(header.kid)
  if (key === null) return refuse('unknown-kid')
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`)
  const valid = await crypto.subtle.verify(RS256, key, signature, signed).catch(() => false)
  if (!valid) return refuse('bad-signature')

  const parsed = Claims.safeParse(payload)
  if (!parsed.success) return refuse('malformed')
  const claims = { ...parsed.data, aud: typeof parsed.data.aud === 'string' ? [parsed.data.aud] : parsed.data.aud }
  if (withoutTrailingSlash(claims.iss) !== withoutTrailingSlash(config.teamDomain)) return refuse('wrong-iss')
  if (!claims.aud.includes(config.aud)) return refuse('wrong-aud')
  if (nowSec >= claims.exp + LEEWAY_SECONDS) return refuse('expired')
  if (claims.nbf !== undefined && nowSec + LEEWAY_SECONDS < claims.nbf) return refuse('not-yet-valid')
  return { ok: true, claims }
}

function refuse(reason: AccessFailure): AccessVerification {
  return { ok: false, reason }
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

async function importVerifyKeys(jwks: JsonWebKey[]): Promise<Map<string, CryptoKey>> {
  const imported = new Map<string, CryptoKey>()
  for (const candidate of jwks) {
    const jwk = RsaJwk.safeParse(candidate)
    if (!jwk.success) continue
    // Short moduli are forgeable; Access uses 2048-bit keys, so anything less is not from it.
    const modulus = decodeBase64Url(jwk.data.n)
    const exponent = decodeBase64Url(jwk.data.e)
    if (modulus === null || modulus.length < MIN_MODULUS_BYTES || exponent === null || exponent.length === 0) continue
    // Only the public members are passed on, so stray key_ops or ext values cannot fail the import.
    const publicJwk: JsonWebKey = { kty: 'RSA', n: jwk.data.n, e: jwk.data.e, alg: 'RS256', ext: true }
    const key = await crypto.subtle.importKey('jwk', publicJwk, RS256, false, ['verify']).catch(() => null)
    if (key !== null) imported.set(jwk.data.kid, key)
  }
  return imported
}

function decodeJsonObject(part: string): Record<string, unknown> | null {
  const bytes = decodeBase64Url(part)
  if (bytes === null) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * RFC 7515 base64url: no padding, no `+` or `/`, and only the canonical spelling, so one token has
 * exactly one string form (atob alone would accept several).
 */
function decodeBase64Url(part: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(part) || part.length % 4 === 1) return null
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4)
  let binary: string
  try {
    binary = atob(base64)
  } catch {
    return null
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
  const canonical = btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return canonical === part ? bytes : null
}
