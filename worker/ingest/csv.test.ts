import { describe, expect, it } from 'vitest'
import { readCsv, writeCsv } from './csv'

function fieldsOf(text: string) {
  const result = readCsv(text)
  if (!result.ok) throw new Error(result.message)
  return result.records.map((r) => r.fields)
}

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fieldsOf('a,"b,c","say ""hi""","two\r\nlines"\r\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\r\nlines']])
  })

  it('accepts LF and CRLF, a BOM, no trailing newline, and skips blank lines', () => {
    expect(fieldsOf('\uFEFFa,b\n\n1,2\r\n,\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
  })

  it('keeps empty fields, quoted or not', () => {
    expect(fieldsOf('a,,""\n')).toEqual([['a', '', '']])
    expect(fieldsOf('"",x')).toEqual([['', 'x']])
  })

  it('numbers records by the line they start on', () => {
    const result = readCsv('h\n"multi\nline"\n\nlast\n')
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 5])
  })

  it('rejects an unclosed quote and stray quotes, saying on which line', () => {
    expect(readCsv('a\n"open,b\n')).toMatchObject({ ok: false, line: 2 })
    expect(readCsv('a\nab"c\n')).toMatchObject({ ok: false, line: 2 })
    expect(readCsv('"a"b\n')).toMatchObject({ ok: false, line: 1 })
  })
})

describe('writeCsv', () => {
  it('quotes only what needs it and reads back the same', () => {
    const rows = [['plain', 'with,comma', 'with "quote"', 'new\nline', ' padded ', '']]
    const text = writeCsv(rows)
    expect(text).toBe('plain,"with,comma","with ""quote""","new\nline"," padded ",\r\n')
    expect(fieldsOf(text)).toEqual(rows)
  })
})
