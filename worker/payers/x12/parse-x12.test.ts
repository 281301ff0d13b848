import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeX12Bytes } from './decode'
import { parseX12 } from './parse-x12'
import type { X12FileType } from './parse-x12'
import { tokenizeX12 } from './segments'

const root = new URL('./fixtures/', import.meta.url)
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, root)))
const samples = (readdirSync(root, { recursive: true }) as string[])
  .map((p) => p.replaceAll('\\', '/'))
  .filter((p) => statSync(new URL(p, root)).isFile() && p !== 'SOURCES.md')
  .sort()

/** What each sample is, by its folder, with the files whose folder says otherwise named. */
function expectedType(path: string): X12FileType {
  const exceptions: Record<string, X12FileType> = {
    'Hipaa/Claims/TestData/ProfessionalClaim1.txt': '837P',
    'Hipaa/Claims/TestData/InstitutionalClaim5010.txt': '837I',
    // Filed under _270 but its ST01 is 271.
    'SampleEdiFiles/INS/_270/_5010/From_georgiosd.txt': '271',
    // Filed under _276 but it is a 277CA (ST01 277, 005010X214).
    'SampleEdiFiles/INS/_276/_5010/277_Deidentified_from_nth.txt': '277CA',
  }
  const known = exceptions[path]
  if (known) return known
  if (path.endsWith('.xml')) return 'unknown'
  if (path.includes('/Acknowledgments/_999/')) return '999'
  if (path.includes('/Acknowledgments/TechnicalAcknowledgment')) return 'TA1'
  const folder = /\/_(\d{3}[PI]?)\//.exec(path)?.[1]
  return folder === '277' ? '277CA' : ((folder ?? 'unknown') as X12FileType)
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text
  const bytes = new Uint8Array(units.length * 2)
  for (let i = 0; i < units.length; i++) {
    bytes[2 * i] = units.charCodeAt(i) & 0xff
    bytes[2 * i + 1] = units.charCodeAt(i) >> 8
  }
  return bytes
}

describe('parseX12 on every sample', () => {
  it('has all 48 samples', () => {
    expect(samples).toHaveLength(48)
  })

  for (const path of samples) {
    it(`${path} reads as ${expectedType(path)}`, () => {
      const summary = parseX12(fixture(path))
      expect(summary.type).toBe(expectedType(path))
      for (const e of summary.errors) {
        expect(Number.isInteger(e.segment) && e.segment >= 0).toBe(true)
        expect(e.message).not.toMatch(/internal reader error/)
      }
    })
  }

  it('gives the guide version and the claims with charges (and payments for an 835)', () => {
    expect(parseX12(fixture('SampleEdiFiles/INS/_837P/_5010/ST1309-XX.txt'))).toEqual({
      type: '837P',
      version: '005010X222A1',
      claims: [{ id: 'B330004Y', charge: 360, paid: null }],
      errors: [],
    })
    const era = parseX12(fixture('SampleEdiFiles/INS/_835/_4010/Example1_GripElements.txt'))
    expect(era.version).toBe('004010X091A1')
    expect(era.claims[3]).toEqual({ id: '111111', charge: 56.52, paid: 18.88 })
    expect(era.claims[7]).toEqual({ id: '123456', charge: -42.58, paid: -42.58 })
    expect(parseX12(fixture('SampleEdiFiles/INS/_277/_5010/FromAlexbrodsky.txt')).claims).toEqual([{ id: '3920394930203', charge: 199.14, paid: null }])
    expect(parseX12(fixture('SampleEdiFiles/Acknowledgments/TechnicalAcknowledgment_Sample1.txt'))).toEqual({ type: 'TA1', version: '00401', claims: [], errors: [] })
  })
})

describe('parseX12 on encodings and delimiters', () => {
  it('the 0x1D-terminated 270 reads the same as its "~" twin', () => {
    const plain = fixture('SampleEdiFiles/INS/_270/_5010/Example1_IG.txt')
    const gs = fixture('SampleEdiFiles/INS/_270/_5010/Example1_IG_0x1D.txt')
    expect(parseX12(gs)).toEqual(parseX12(plain))
    const strip = (text: string) => tokenizeX12(text).segments.map((s) => [s.id, s.elements, s.position])
    expect(strip(decodeX12Bytes(gs))).toEqual(strip(decodeX12Bytes(plain)))
    expect(tokenizeX12(decodeX12Bytes(gs)).delimiters[0]?.segment).toBe('\u001d')
  })

  it('the UTF-16LE sample reads the same as its text in UTF-8 (it has no plain twin)', () => {
    const bytes = fixture('SampleEdiFiles/INS/_837P/_5010/UnicodeExample.txt')
    const asUtf8 = new TextEncoder().encode(decodeX12Bytes(bytes))
    const summary = parseX12(bytes)
    expect(summary).toEqual(parseX12(asUtf8))
    expect(summary.type).toBe('837P')
    expect(summary.version).toBe('005010X222A1')
  })

  it('a plain sample re-encoded as UTF-16LE, with or without BOM, reads the same', () => {
    const bytes = fixture('Hipaa/Claims/TestData/ProfessionalClaim1.txt')
    const text = decodeX12Bytes(bytes)
    expect(parseX12(utf16le(text, true))).toEqual(parseX12(bytes))
    expect(parseX12(utf16le(text, false))).toEqual(parseX12(bytes))
    expect(parseX12(text)).toEqual(parseX12(bytes))
  })

  it('two interchanges concatenated, with different delimiters, read as both', () => {
    const a = decodeX12Bytes(fixture('SampleEdiFiles/INS/_837I/_5010/Spec_3.1.1.txt'))
    const b = decodeX12Bytes(fixture('SampleEdiFiles/INS/_837P/_5010/MissingEntityCode.txt'))
    const both = parseX12(`${a}\r\n${b}`)
    const one = parseX12(a)
    const two = parseX12(b)
    expect(both.type).toBe('837I')
    expect(both.claims).toEqual([...one.claims, ...two.claims])
    expect(both.claims).toHaveLength(6)
    // The second file's issues, shifted by the first file's segment count.
    const offset = tokenizeX12(a).segments.length
    expect(both.errors).toEqual([...one.errors, ...two.errors.map((e) => ({ ...e, segment: e.segment + offset }))])
  })
})

describe('parseX12 on damaged input', () => {
  const good = () => decodeX12Bytes(fixture('SampleEdiFiles/INS/_837P/_5010/Example1_HealthInsurance.txt'))

  it('the good file has no errors', () => {
    expect(parseX12(good()).errors).toEqual([])
  })

  it('a truncated file gives issues at its last segment and keeps what it read', () => {
    const text = good()
    const cut = text.slice(0, text.indexOf('SV1'))
    const summary = parseX12(cut)
    expect(summary.type).toBe('837P')
    expect(summary.claims).toEqual([{ id: '26463774', charge: 100, paid: null }])
    const last = tokenizeX12(cut).segments.length
    expect(summary.errors.map((e) => e.segment)).toContain(last)
    expect(summary.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/has no SE/), expect.stringMatching(/has no GE/), expect.stringMatching(/has no IEA/)]),
    )
  })

  it('a wrong SE count is reported on the SE', () => {
    const text = good().replace(/SE\*(\d+)\*/, 'SE*99*')
    const summary = parseX12(text)
    const se = tokenizeX12(text).segments.find((s) => s.id === 'SE')!
    expect(summary.errors).toEqual([{ segment: se.position, message: expect.stringMatching(/^SE: SE01 says 99 segments, the transaction set has \d+$/) }])
  })

  it('garbage gives an error and type unknown, never a throw', () => {
    const inputs: (string | Uint8Array)[] = ['', 'hello world', 'ISA*', '<xml/>', new Uint8Array([0, 1, 2, 255, 254]), new Uint8Array(0), 'ISA'.repeat(1000)]
    for (const input of inputs) {
      const summary = parseX12(input)
      expect(summary.type).toBe('unknown')
      expect(summary.claims).toEqual([])
      expect(summary.errors.at(-1)).toEqual({ segment: 0, message: 'no ISA interchange header found: not X12' })
    }
  })

  it('garbage inside and after an interchange is reported with positions', () => {
    const summary = parseX12(`${good()}\r\n\u0000\u0000 trailing bytes`)
    expect(summary.type).toBe('837P')
    const count = tokenizeX12(good()).segments.length
    expect(summary.errors).toEqual([{ segment: count, message: '17 characters outside an interchange ignored' }])
  })

  it('random cuts and byte flips of a sample never throw', () => {
    const text = good()
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let i = 0; i < 300; i++) {
      const chars = [...text.slice(0, Math.floor(next() * text.length))]
      for (let j = 0; j < 5; j++) chars[Math.floor(next() * chars.length)] = String.fromCharCode(Math.floor(next() * 128))
      const summary = parseX12(chars.join(''))
      expect(summary.errors.some((e) => /internal reader error/.test(e.message))).toBe(false)
    }
  })
})
