import type { Keyring } from './keyring'

const utf8 = new TextEncoder()

// 128 bits: half the width of the full HMAC, so the indexed column and its B-tree stay small, while a
// collision between two different values stays out of reach (birthday bound ~2^64 values). Truncating an
// HMAC to 128 bits or more keeps its strength as a keyed PRF (NIST SP 800-107).
const INDEX_HEX_CHARS = 32

/**
 * A keyed, deterministic token for equality lookups on an encrypted value (find a patient by member id
 * without decrypting every row). The key keeps anyone with only the database from confirming a guess.
 * `kind` namespaces indexes, so the same text as a member id and as a name gives different tokens and
 * one column's tokens cannot be joined against another's.
 */
export async function blindIndex(keyring: Keyring, kind: string, value: string): Promise<string> {
  // The NUL separator only keeps kinds apart if no kind can contain it.
  if (kind === '' || kind.includes('\u0000')) throw new TypeError('blind index kind must be non-empty and contain no NUL')
  const mac = await crypto.subtle.sign('HMAC', keyring.blindIndexKey, utf8.encode(`${kind}\u0000${normaliseIndexValue(value)}`))
  let hex = ''
  for (const b of new Uint8Array(mac)) hex += b.toString(16).padStart(2, '0')
  return hex.slice(0, INDEX_HEX_CHARS)
}

/**
 * Member ids arrive typed inconsistently (`ab-12 3`, `AB123`, pasted en dashes, full-width digits from
 * scanned forms), and a lookup must match however they were written. NFKC folds compatibility forms and
 * composed/decomposed accents; upper-casing is locale-independent in JavaScript.
 */
export function normaliseIndexValue(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
}
