// RFC 4648 section 6 alphabet: the one authenticator apps expect for TOTP secrets.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Base32 without padding: authenticator apps and otpauth URIs take the secret unpadded. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += ALPHABET[(buffer >>> bits) & 31]
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * Decodes what a person may have typed or pasted: lower case, spaces, dashes between groups and
 * trailing padding are accepted. Null for anything else, including a length no encoder produces.
 */
export function base32Decode(text: string): Uint8Array | null {
  const cleaned = text.replace(/[\s-]+/g, '').toUpperCase()
  const unpadded = cleaned.replace(/=+$/, '')
  if (unpadded.includes('=')) return null
  // 8 characters carry 5 bytes; a remainder of 1, 3 or 6 characters cannot end on a byte boundary.
  if ([1, 3, 6].includes(unpadded.length % 8)) return null

  const out = new Uint8Array(Math.floor((unpadded.length * 5) / 8))
  let buffer = 0
  let bits = 0
  let index = 0
  for (const char of unpadded) {
    const value = ALPHABET.indexOf(char)
    if (value < 0) return null
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out[index++] = (buffer >>> bits) & 0xff
    }
  }
  return out
}
