// Bytes to text. X12 is ASCII in practice, but files arrive from Windows tools saved as UTF-16 (with or
// without a byte order mark) and from editors that prepend a UTF-8 BOM; the tokenizer wants plain text.

export type X12TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** Which encoding the bytes are in: a BOM decides, else the NUL pattern of the first bytes ("I\0S\0A\0"). */
export function detectX12Encoding(bytes: Uint8Array): X12TextEncoding {
  const [b0, b1] = [bytes[0], bytes[1]]
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le'
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be'
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes.length >= 4) {
    // ASCII text in UTF-16 has a NUL in every other byte; which side tells the byte order.
    if (b0 !== 0 && b1 === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le'
    if (b0 === 0 && b1 !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be'
  }
  return 'utf-8'
}

/** Decodes X12 bytes to a string without a BOM. Never throws: invalid UTF-8 becomes U+FFFD. */
export function decodeX12Bytes(bytes: Uint8Array): string {
  const encoding = detectX12Encoding(bytes)
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : decodeUtf16(bytes, encoding === 'utf-16le')
  return stripBom(text)
}

/** Accepts what callers have: text (BOM removed) or bytes (decoded). */
export function toX12Text(input: string | Uint8Array): string {
  return typeof input === 'string' ? stripBom(input) : decodeX12Bytes(input)
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

// By hand rather than TextDecoder('utf-16le'): not every runtime's TextDecoder knows the UTF-16 labels.
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = Math.floor(bytes.length / 2)
  const chunks: string[] = []
  const chunkSize = 8192
  for (let start = 0; start < units; start += chunkSize) {
    const end = Math.min(units, start + chunkSize)
    const codes = new Array<number>(end - start)
    for (let i = start; i < end; i++) {
      const lo = bytes[2 * i] ?? 0
      const hi = bytes[2 * i + 1] ?? 0
      codes[i - start] = littleEndian ? lo | (hi << 8) : (lo << 8) | hi
    }
    chunks.push(String.fromCharCode(...codes))
  }
  return chunks.join('')
}
