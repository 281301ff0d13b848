/**
 * The keys that protect PHI and secrets at rest, built from Worker secrets. Keys carry a version so a
 * rotation can add a new key, make it active, and re-encrypt old values while both still decrypt.
 */

export type Keyring = {
  /** The version new values are sealed under. */
  active: number
  /** AES-256-GCM keys by version; old versions stay until the rotation job has re-encrypted everything. */
  keys: Map<number, CryptoKey>
  /** HMAC-SHA256 key for blind indexes; separate from the AES keys and never rotated with them. */
  blindIndexKey: CryptoKey
}

export type KeyringSecrets = {
  /** `v1:<base64>,v2:<base64>`: every version that may still appear in stored values. */
  PHI_KEYS?: string
  /** e.g. `v2`. */
  PHI_ACTIVE_KEY?: string
  /** base64 of 32 bytes. */
  BLIND_INDEX_KEY?: string
}

/** `reason` names the secret and the version at fault, never any part of a key. */
export type KeyringResult = { ok: true; keyring: Keyring } | { ok: false; reason: string }

/** Thrown when a keyring was built by hand without its active key: a programming error, not data. */
export class ActiveKeyMissing extends Error {
  override name = 'ActiveKeyMissing'
}

const KEY_BYTES = 32
// Blob headers store the version as a u16.
const MAX_VERSION = 0xffff

export async function parseKeyring(env: KeyringSecrets): Promise<KeyringResult> {
  const phiKeys = env.PHI_KEYS?.trim()
  if (!phiKeys) return fail('PHI_KEYS is not set')

  const material = new Map<number, Uint8Array>()
  const entries = phiKeys.split(',')
  for (const [index, raw] of entries.entries()) {
    const match = /^v(\d+):(.*)$/s.exec(raw.trim())
    if (!match) return fail(`PHI_KEYS entry ${index + 1} is not of the form v<version>:<base64 key>`)
    const version = parseVersion(match[1] ?? '')
    if (version === null) return fail(`PHI_KEYS entry ${index + 1} has a version outside 1..${MAX_VERSION}`)
    if (material.has(version)) return fail(`PHI_KEYS lists v${version} more than once`)
    const bytes = decodeBase64(match[2] ?? '')
    if (!bytes) return fail(`PHI_KEYS key v${version} is not valid base64`)
    if (bytes.length !== KEY_BYTES) return fail(`PHI_KEYS key v${version} is ${bytes.length} bytes, expected ${KEY_BYTES}`)
    material.set(version, bytes)
  }

  const activeText = env.PHI_ACTIVE_KEY?.trim()
  if (!activeText) return fail('PHI_ACTIVE_KEY is not set')
  const activeMatch = /^v(\d+)$/.exec(activeText)
  const active = activeMatch ? parseVersion(activeMatch[1] ?? '') : null
  if (active === null) return fail('PHI_ACTIVE_KEY is not of the form v<version>')
  if (!material.has(active)) {
    const listed = [...material.keys()].map((v) => `v${v}`).join(', ')
    return fail(`PHI_ACTIVE_KEY v${active} is not among the PHI_KEYS versions (${listed})`)
  }

  const blindText = env.BLIND_INDEX_KEY?.trim()
  if (!blindText) return fail('BLIND_INDEX_KEY is not set')
  const blindBytes = decodeBase64(blindText)
  if (!blindBytes) return fail('BLIND_INDEX_KEY is not valid base64')
  if (blindBytes.length !== KEY_BYTES) return fail(`BLIND_INDEX_KEY is ${blindBytes.length} bytes, expected ${KEY_BYTES}`)
  // One key used for both AES and HMAC would tie the index to a key that rotation retires.
  for (const [version, bytes] of material) {
    if (equalBytes(bytes, blindBytes)) return fail(`BLIND_INDEX_KEY must differ from PHI_KEYS key v${version}`)
  }

  const keys = new Map<number, CryptoKey>()
  for (const [version, bytes] of material) {
    keys.set(version, await crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']))
  }
  const blindIndexKey = await crypto.subtle.importKey('raw', blindBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])

  // importKey copies its input; wiping ours keeps raw key bytes out of the isolate's heap afterwards.
  for (const bytes of material.values()) bytes.fill(0)
  blindBytes.fill(0)

  return { ok: true, keyring: { active, keys, blindIndexKey } }
}

/** A fresh 32-byte key as base64, for `PHI_KEYS` or `BLIND_INDEX_KEY`. */
export function generateKeyMaterial(): string {
  return encodeBase64(crypto.getRandomValues(new Uint8Array(KEY_BYTES)))
}

/**
 * Parsing imports keys, which costs more than a request should pay, so the result is kept per isolate.
 * One entry is enough: secrets change only with a deploy, which starts new isolates anyway. Create the
 * cache once at module scope of the entry point and call it with each request's env.
 */
export function keyringCache(): (env: KeyringSecrets) => Promise<KeyringResult> {
  let cached: { phiKeys?: string; active?: string; blind?: string; result: Promise<KeyringResult> } | null = null
  return (env) => {
    if (cached && cached.phiKeys === env.PHI_KEYS && cached.active === env.PHI_ACTIVE_KEY && cached.blind === env.BLIND_INDEX_KEY) {
      return cached.result
    }
    const result = parseKeyring(env)
    const entry = { phiKeys: env.PHI_KEYS, active: env.PHI_ACTIVE_KEY, blind: env.BLIND_INDEX_KEY, result }
    cached = entry
    // A rejected import is not a property of the secrets; let the next request try again.
    result.catch(() => {
      if (cached === entry) cached = null
    })
    return result
  }
}

/** The key new values are sealed under. */
export function activeKey(keyring: Keyring): { version: number; key: CryptoKey } {
  const key = keyring.keys.get(keyring.active)
  if (!key) throw new ActiveKeyMissing(`keyring has no key for its active version v${keyring.active}`)
  return { version: keyring.active, key }
}

function parseVersion(digits: string): number | null {
  if (!/^[1-9]\d{0,4}$/.test(digits)) return null
  const version = Number(digits)
  return version <= MAX_VERSION ? version : null
}

function fail(reason: string): KeyringResult {
  return { ok: false, reason }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

// Base64 helpers, Web-platform only (atob/btoa) so they run in workerd and Node alike.

export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunked: String.fromCharCode with a multi-megabyte spread would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Standard or URL-safe alphabet, padding optional, since secrets get pasted from either kind of tool. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null
  const unpadded = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (unpadded.length % 4 === 1) return null
  try {
    const binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

/**
 * Unpadded base64url with nothing left over: stored ciphertexts have exactly one spelling, so an
 * altered string cannot pass as the original.
 */
export function decodeBase64UrlStrict(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  const bytes = decodeBase64(text)
  return bytes && encodeBase64Url(bytes) === text ? bytes : null
}
