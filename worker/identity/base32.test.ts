import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode } from './base32'

const ascii = (text: string) => new TextEncoder().encode(text)
const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes))

// RFC 4648 section 10, with the padding the encoder leaves off.
const VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
]

describe('base32Encode', () => {
  it.each(VECTORS)('encodes %j as %j without padding', (plain, encoded) => {
    expect(base32Encode(ascii(plain))).toBe(encoded)
  })

  it('encodes every byte value and decodes back to the same bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    const encoded = base32Encode(bytes)
    expect(encoded).toMatch(/^[A-Z2-7]+$/)
    expect(base32Decode(encoded)).toEqual(bytes)
  })
})

describe('base32Decode', () => {
  it.each(VECTORS)('decodes %j from %j', (plain, encoded) => {
    expect(text(base32Decode(encoded))).toBe(plain)
  })

  it('accepts padding, lower case, spaces and dashes', () => {
    expect(text(base32Decode('MZXW6YQ='))).toBe('foob')
    expect(text(base32Decode('MY======'))).toBe('f')
    expect(text(base32Decode('mzxw 6ytb oi'))).toBe('foobar')
    expect(text(base32Decode(' mzxw-6ytb-oi\n'))).toBe('foobar')
  })

  it('refuses characters outside the alphabet', () => {
    expect(base32Decode('MZXW6YT1')).toBeNull()
    expect(base32Decode('MZXW6YT8')).toBeNull()
    expect(base32Decode('MZXW6YT!')).toBeNull()
    expect(base32Decode('MZXW6YTÄ')).toBeNull()
  })

  it('refuses padding in the middle and lengths no encoder produces', () => {
    expect(base32Decode('MZ=XW6YQ')).toBeNull()
    expect(base32Decode('M')).toBeNull()
    expect(base32Decode('MZX')).toBeNull()
    expect(base32Decode('MZXW6Y')).toBeNull()
  })
})
