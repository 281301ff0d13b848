import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeX12Bytes, detectX12Encoding, toX12Text } from './decode'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text
  const bytes = new Uint8Array(units.length * 2)
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i)
    bytes[2 * i + (littleEndian ? 0 : 1)] = c & 0xff
    bytes[2 * i + (littleEndian ? 1 : 0)] = c >> 8
  }
  return bytes
}

describe('decodeX12Bytes', () => {
  it('reads UTF-8 and strips its BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ISA*00~')])
    expect(detectX12Encoding(bytes)).toBe('utf-8')
    expect(decodeX12Bytes(bytes)).toBe('ISA*00~')
  })

  it('reads UTF-16 by BOM, either byte order, and strips the BOM', () => {
    for (const le of [true, false]) {
      const bytes = utf16('ISA*00*é~', le, true)
      expect(detectX12Encoding(bytes)).toBe(le ? 'utf-16le' : 'utf-16be')
      expect(decodeX12Bytes(bytes)).toBe('ISA*00*é~')
    }
  })

  it('reads UTF-16 without a BOM by its NUL pattern', () => {
    expect(decodeX12Bytes(utf16('ISA*00~', true, false))).toBe('ISA*00~')
    expect(decodeX12Bytes(utf16('ISA*00~', false, false))).toBe('ISA*00~')
  })

  it('decodes the UTF-16LE sample (no BOM) to the same text as its bytes say', () => {
    const bytes = fixture('SampleEdiFiles/INS/_837P/_5010/UnicodeExample.txt')
    expect(detectX12Encoding(bytes)).toBe('utf-16le')
    const text = decodeX12Bytes(bytes)
    expect(text.startsWith('ISA*00*          *01*CYCTRANS  *')).toBe(true)
    expect(text).not.toContain('\u0000')
  })

  it('leaves strings alone except for a BOM, and never throws on bad UTF-8', () => {
    expect(toX12Text('\ufeffISA')).toBe('ISA')
    expect(toX12Text(new Uint8Array([0xff, 0x41, 0xc3]))).toBe('\ufffdA\ufffd')
    expect(toX12Text(new Uint8Array([]))).toBe('')
  })
})
