import { base32Decode, base32Encode } from './base32'

// RFC 6238 defaults: the only parameters every authenticator app supports.
const STEP_SECONDS = 30
const DIGITS = 6
// One step either side covers a phone clock up to 30 s off and a code typed as it rolled over.
const DRIFT_STEPS = 1

/** A stored secret that does not decode: a bug or corrupt row, not something a user can cause. */
export class InvalidTotpSecret extends Error {
  override name = 'InvalidTotpSecret'
}

export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'wrong-code' | 'reused' }

/** 160 bits, the HMAC-SHA1 output length RFC 4226 recommends for the shared secret. */
export function newTotpSecret(): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(20)))
}

export async function totpCode(secretBase32: string, atMs: number): Promise<string> {
  return hotp(await importSecret(secretBase32), stepAt(atMs))
}

/**
 * Checks a code typed by a person. The caller stores the returned step and passes it back as
 * `lastUsedStep`: a code seen once must not work again, even within its 30 seconds (RFC 6238 §5.2).
 */
export async function verifyTotp(
  secretBase32: string,
  code: string,
  atMs: number,
  lastUsedStep: number | null,
): Promise<TotpVerification> {
  const typed = code.replace(/\s+/g, '')
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(typed)) return { ok: false, reason: 'malformed' }

  const key = await importSecret(secretBase32)
  const now = stepAt(atMs)
  // Every candidate is computed and compared, so timing does not tell which window matched.
  let fresh: number | null = null
  let replayed = false
  // Steps before the epoch do not exist; the counter is unsigned.
  for (let step = Math.max(0, now - DRIFT_STEPS); step <= now + DRIFT_STEPS; step++) {
    const matches = constantTimeEqual(await hotp(key, step), typed)
    const used = lastUsedStep !== null && step <= lastUsedStep
    if (matches && used) replayed = true
    if (matches && !used) fresh = step
  }
  if (fresh !== null) return { ok: true, step: fresh }
  return { ok: false, reason: replayed ? 'reused' : 'wrong-code' }
}

/**
 * The provisioning URI shown as a QR code, in the Key URI format authenticator apps read. Each
 * part is percent-encoded on its own (spaces as %20, not +) so an issuer or account with spaces
 * or a colon still splits unambiguously.
 */
export function totpUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }): string {
  const bytes = base32Decode(secret)
  if (bytes === null || bytes.length === 0) throw new InvalidTotpSecret('TOTP secret is not base32')
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const query = [
    `secret=${base32Encode(bytes)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${STEP_SECONDS}`,
  ].join('&')
  return `otpauth://totp/${label}?${query}`
}

function stepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / STEP_SECONDS)
}

async function importSecret(secretBase32: string): Promise<CryptoKey> {
  const bytes = base32Decode(secretBase32)
  // WebCrypto refuses an empty HMAC key; say why instead of surfacing its DataError.
  if (bytes === null || bytes.length === 0) throw new InvalidTotpSecret('TOTP secret is not base32')
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'])
}

// RFC 4226 §5.3: HMAC over the big-endian 8-byte counter, then dynamic truncation.
async function hotp(key: CryptoKey, counter: number): Promise<string> {
  const message = new Uint8Array(8)
  new DataView(message.buffer).setBigUint64(0, BigInt(counter))
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message))
  const offset = mac[mac.length - 1]! & 0x0f
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0')
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
