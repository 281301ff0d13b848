import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"HCPCS/\r\nCPT Code",b\r\n"a, ""quoted""",2\n')).toEqual([
      ['HCPCS/\r\nCPT Code', 'b'],
      ['a, "quoted"', '2'],
    ])
  })

  it('keeps a last record with no line break and empty trailing fields', () => {
    expect(parseCsv('a,,\nb')).toEqual([['a', '', ''], ['b']])
    expect(parseCsv('')).toEqual([])
  })
})
