// Crockford base32: sortable as text, no ambiguous letters.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type IdPrefix =
  | 'prv' | 'usr' | 'clm' | 'evt' | 'upl' | 'pay' | 'jnl' | 'led' | 'aud' | 'ntf' | 'dlq'
  | 'ses' | 'tok' | 'key' | 'ptn' | 'ptk' | 'eml' | 'rsk' | 'csg'

/**
 * A prefixed, time-sortable id (ULID layout: 48-bit millisecond time, then 80 random bits), e.g.
 * `clm_01JD3X...`. Sorting ids as text sorts them by creation time, which the claim list's cursor uses.
 */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${encodeRandom(crypto.getRandomValues(new Uint8Array(16)))}`
}

function encodeTime(ms: number): string {
  let time = ''
  let t = ms
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  return time
}

function encodeRandom(bytes: Uint8Array): string {
  let random = ''
  for (const b of bytes) random += ALPHABET[b % 32]
  return random
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return /^[a-z]{3}_[0-9A-Z]{26}$/.test(id) && id.startsWith(`${prefix}_`)
}

/**
 * The same id every time for the same inputs: used where a retried step must recreate exactly the
 * rows it may already have written (an upload's claims), so that inserts collide instead of doubling.
 */
export async function stableId(prefix: IdPrefix, timeMs: number, key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)))
  return `${prefix}_${encodeTime(timeMs)}${encodeRandom(digest.subarray(0, 16))}`
}
