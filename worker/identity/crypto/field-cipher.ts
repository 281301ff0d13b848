import type { Keyring } from './keyring'
import { activeKey, decodeBase64UrlStrict, encodeBase64Url } from './keyring'

/**
 * One encrypted column value: `cp1.v<version>.<iv>.<ciphertext+tag>`, base64url without padding.
 * The AAD names where the value lives (e.g. `claims.patient_name:clm_123`), so a ciphertext copied into
 * another row or column fails to decrypt rather than showing one patient's data on another's claim.
 */

export type DecryptFailure = 'malformed' | 'unknown-key-version' | 'tampered'
export type DecryptResult<T> = { ok: true; value: T } | { ok: false; reason: DecryptFailure }

const PREFIX = 'cp1'
const IV_BYTES = 12
const TAG_BYTES = 16

const utf8 = new TextEncoder()
// ignoreBOM keeps a leading U+FEFF in the value: stripping it would change what was encrypted.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export async function encryptField(keyring: Keyring, plaintext: string, aad: string): Promise<string> {
  const { version, key } = activeKey(keyring)
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: fieldAad(aad) }, key, utf8.encode(plaintext))
  return `${PREFIX}.v${version}.${encodeBase64Url(iv)}.${encodeBase64Url(new Uint8Array(sealed))}`
}

export async function decryptField(keyring: Keyring, sealed: string, aad: string): Promise<DecryptResult<string>> {
  const parts = parseSealed(sealed)
  if (!parts) return { ok: false, reason: 'malformed' }
  const key = keyring.keys.get(parts.version)
  if (!key) return { ok: false, reason: 'unknown-key-version' }
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.iv, additionalData: fieldAad(aad) }, key, parts.ciphertext)
  } catch {
    return { ok: false, reason: 'tampered' }
  }
  try {
    return { ok: true, value: utf8Strict.decode(plain) }
  } catch {
    // Authentic but not text: sealed by something other than encryptField.
    return { ok: false, reason: 'malformed' }
  }
}

/** The key version a value was sealed under, or null when it is not a well-formed sealed value. */
export function sealedKeyVersion(sealed: string): number | null {
  return parseSealed(sealed)?.version ?? null
}

/**
 * True for anything not sealed under the active version, malformed values included: the rotation job
 * then meets them in reencryptField and reports them, instead of skipping corrupt rows in silence.
 */
export function needsReencryption(keyring: Keyring, sealed: string): boolean {
  return sealedKeyVersion(sealed) !== keyring.active
}

/**
 * The value sealed under the active key. A value already under it is returned unchanged (after checking
 * it decrypts), so the rotation job can skip the write when `value === sealed`.
 */
export async function reencryptField(keyring: Keyring, sealed: string, aad: string): Promise<DecryptResult<string>> {
  const opened = await decryptField(keyring, sealed, aad)
  if (!opened.ok) return opened
  if (sealedKeyVersion(sealed) === keyring.active) return { ok: true, value: sealed }
  return { ok: true, value: await encryptField(keyring, opened.value, aad) }
}

/** Null stays null (an absent value), while '' is a value and is encrypted like any other. */
export async function encryptOptional(keyring: Keyring, value: string | null | undefined, aad: string): Promise<string | null> {
  return value == null ? null : encryptField(keyring, value, aad)
}

export async function decryptOptional(keyring: Keyring, sealed: string | null | undefined, aad: string): Promise<DecryptResult<string | null>> {
  return sealed == null ? { ok: true, value: null } : decryptField(keyring, sealed, aad)
}

function parseSealed(sealed: string): { version: number; iv: Uint8Array; ciphertext: Uint8Array } | null {
  const parts = sealed.split('.')
  if (parts.length !== 4 || parts[0] !== PREFIX) return null
  const versionMatch = /^v([1-9]\d{0,4})$/.exec(parts[1] ?? '')
  if (!versionMatch) return null
  const iv = decodeBase64UrlStrict(parts[2] ?? '')
  const ciphertext = decodeBase64UrlStrict(parts[3] ?? '')
  if (!iv || iv.length !== IV_BYTES || !ciphertext || ciphertext.length < TAG_BYTES) return null
  return { version: Number(versionMatch[1]), iv, ciphertext }
}

// The prefix keeps a field ciphertext from being replayed as a blob (or anything else) under the same AAD.
function fieldAad(aad: string): Uint8Array {
  return utf8.encode(`${PREFIX}\u0000${aad}`)
}
