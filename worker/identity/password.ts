import { argon2idAsync } from '@noble/hashes/argon2.js'

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane). Not PBKDF2: WebCrypto in Workers refuses
 * more than 100,000 iterations, a sixth of OWASP's PBKDF2-SHA256 figure.
 */
export const PASSWORD_PARAMS = { m: 19456, t: 2, p: 1, dkLen: 32 } as const

export type PasswordCheck = { ok: boolean; needsRehash: boolean }
export type PolicyResult = { ok: true } | { ok: false; reason: string }
export type PolicyContext = { email?: string; practiceName?: string }

const ARGON2_VERSION = 19
const SALT_BYTES = 16
// Yields let other requests in the same isolate run, but each costs a setTimeout (10 ms ticks measured
// ~15% slower in Node). On Cloudflare's edge Date.now() stands still during CPU work, so noble's tick
// may never fire there and the hash runs in one piece; local workerd and Node do yield.
const ASYNC_TICK_MS = 25

// Bounds on what a stored hash may ask for: a row edited to m=4194304 would otherwise make every login
// try to allocate 4 GiB inside a 128 MB isolate.
const MAX_M = 65536
const MAX_T = 10
const MAX_P = 4
const MIN_SALT_BYTES = 8
const MAX_SALT_BYTES = 64
const MIN_HASH_BYTES = 16
const MAX_HASH_BYTES = 64

const MIN_LENGTH = 12
const MAX_LENGTH = 128
// Below four characters a local part or name ("jo", "abc") would refuse too many good passwords.
const MIN_PERSONAL_LENGTH = 4

// Only entries of 12+ characters matter: anything shorter already fails the length rule.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '111111111111',
  '000000000000',
  '123123123123',
  'abcdefghijkl',
  'abc123abc123',
  '1q2w3e4r5t6y',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'p@ssw0rd1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'administrator',
  'admin1234567',
  'trustno1trustno1',
  'monkey123456',
  'football1234',
  'sunshine1234',
  'doctor123456',
  'medical12345',
  'claimpay1234',
  'claimpay12345',
  'claimpaypassword',
])

type Phc = { m: number; t: number; p: number; salt: Uint8Array; hash: Uint8Array }

const PHC_PATTERN = /^\$argon2id\$v=(\d{1,3})\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,10})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/

const encoder = new TextEncoder()

// What an unknown account is checked against: same parameters, so the same cost as a real one.
const DUMMY_PHC = formatPhc({
  ...PASSWORD_PARAMS,
  salt: new Uint8Array(SALT_BYTES),
  hash: new Uint8Array(PASSWORD_PARAMS.dkLen),
})
const DUMMY: Phc = parsePhc(DUMMY_PHC)!

/** An Argon2id PHC string with a fresh 16-byte salt, e.g. `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const { m, t, p, dkLen } = PASSWORD_PARAMS
  const hash = await derive(password, salt, m, t, p, dkLen)
  return formatPhc({ m, t, p, salt, hash })
}

/**
 * Never throws. A malformed hash still costs one full derivation, so an account whose hash is missing
 * or broken answers no faster than one whose password is simply wrong.
 */
export async function verifyPassword(password: string, phc: string): Promise<PasswordCheck> {
  const parsed = parsePhc(phc)
  const target = parsed ?? DUMMY
  let derived: Uint8Array
  try {
    derived = await derive(password, target.salt, target.m, target.t, target.p, target.hash.length)
  } catch {
    return { ok: false, needsRehash: false }
  }
  const matches = constantTimeEqual(derived, target.hash)
  if (parsed === null) return { ok: false, needsRehash: false }
  // Only on a match: rehashing needs the right password in hand.
  return { ok: matches, needsRehash: matches && differsFromCurrent(parsed) }
}

/** One derivation at the current parameters, for a login whose email matches no account. */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_PHC)
}

/**
 * NIST SP 800-63B / OWASP: length and a blocklist, no composition rules. Lengths count code points
 * after NFKC, the same form that is hashed.
 */
export function checkPasswordPolicy(password: string, context: PolicyContext): PolicyResult {
  const normalised = password.normalize('NFKC')
  const length = [...normalised].length
  if (length < MIN_LENGTH) return refuse(`Use at least ${MIN_LENGTH} characters.`)
  if (length > MAX_LENGTH) return refuse(`Use at most ${MAX_LENGTH} characters.`)

  const folded = fold(normalised)
  if (new Set(folded).size === 1) return refuse('Do not repeat a single character.')
  if (COMMON_PASSWORDS.has(folded)) return refuse('This password is too common. Choose one that is harder to guess.')

  const localPart = context.email === undefined ? '' : fold(context.email.split('@')[0] ?? '')
  if ([...localPart].length >= MIN_PERSONAL_LENGTH && folded.includes(localPart)) {
    return refuse('Do not use your email address in your password.')
  }
  // Spaces dropped on both sides, so "Smith Family Clinic" also catches "SmithFamilyClinic2026".
  const practice = context.practiceName === undefined ? '' : fold(context.practiceName).replace(/\s+/g, '')
  if ([...practice].length >= MIN_PERSONAL_LENGTH && folded.replace(/\s+/g, '').includes(practice)) {
    return refuse('Do not use your practice name in your password.')
  }
  return { ok: true }
}

function refuse(reason: string): PolicyResult {
  return { ok: false, reason }
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim()
}

// NFKC so that the same password typed on two keyboards (composed é vs e + combining accent) hashes alike.
async function derive(password: string, salt: Uint8Array, m: number, t: number, p: number, dkLen: number): Promise<Uint8Array> {
  const bytes = encoder.encode(password.normalize('NFKC'))
  try {
    return await argon2idAsync(bytes, salt, { m, t, p, dkLen, version: ARGON2_VERSION, asyncTick: ASYNC_TICK_MS })
  } finally {
    bytes.fill(0)
  }
}

function differsFromCurrent(phc: Phc): boolean {
  const current = PASSWORD_PARAMS
  return phc.m !== current.m || phc.t !== current.t || phc.p !== current.p || phc.hash.length !== current.dkLen || phc.salt.length < SALT_BYTES
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

function formatPhc({ m, t, p, salt, hash }: Phc): string {
  return `$argon2id$v=${ARGON2_VERSION}$m=${m},t=${t},p=${p}$${toBase64(salt)}$${toBase64(hash)}`
}

function parsePhc(phc: string): Phc | null {
  const match = PHC_PATTERN.exec(phc)
  if (match === null) return null
  const [version, m, t, p] = match.slice(1, 5).map(decimal)
  if (version !== ARGON2_VERSION || m === undefined || t === undefined || p === undefined) return null
  if (p < 1 || p > MAX_P || t < 1 || t > MAX_T || m < 8 * p || m > MAX_M) return null
  const salt = fromBase64(match[5]!)
  const hash = fromBase64(match[6]!)
  if (salt === null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) return null
  if (hash === null || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) return null
  return { m, t, p, salt, hash }
}

// PHC numbers are plain decimals: "019" or "+19" would mean the string was not written by us.
function decimal(text: string | undefined): number | undefined {
  if (text === undefined || !/^(0|[1-9]\d*)$/.test(text)) return undefined
  return Number(text)
}

// PHC uses standard base64 without padding.
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/=+$/, '')
}

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  let binary: string
  try {
    binary = atob(text + '='.repeat((4 - (text.length % 4)) % 4))
  } catch {
    return null
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  // Unused low bits must be zero: otherwise several strings decode to one hash.
  return toBase64(bytes) === text ? bytes : null
}
