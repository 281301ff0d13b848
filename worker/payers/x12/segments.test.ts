import { describe, expect, it } from 'vitest'
import { parseX12Cents, parseX12Date, parseX12Number, splitComponents, splitRepetitions, tokenizeX12 } from './segments'

const isa = (e = '*', rep = '^', comp = ':', term = '~', version = '00501', control = '000000001') =>
  ['ISA', '00', '          ', '00', '          ', 'ZZ', 'SENDER         ', 'ZZ', 'RECEIVER       ', '260101', '1200', rep, version, control, '0', 'T', comp].join(e) + term

describe('tokenizeX12', () => {
  it('reads the delimiters from a 106-character ISA', () => {
    const header = isa()
    expect(header.length).toBe(106)
    const t = tokenizeX12(`${header}GS*HC*A*B~`)
    expect(t.delimiters).toEqual([{ element: '*', component: ':', repetition: '^', segment: '~' }])
    expect(t.segments.map((s) => [s.id, s.position, s.interchange])).toEqual([
      ['ISA', 1, 0],
      ['GS', 2, 0],
    ])
    expect(t.segments[0]?.elements).toHaveLength(16)
    expect(t.segments[1]?.elements).toEqual(['HC', 'A', 'B'])
    expect(t.issues).toEqual([])
  })

  it('has no repetition separator in 4010, where ISA11 is the standards id', () => {
    expect(tokenizeX12(isa('*', 'U', ':', '~', '00401')).delimiters[0]?.repetition).toBeUndefined()
  })

  it('tolerates line breaks and indentation between segments, and other terminators', () => {
    for (const term of ['~', '\u001d', '\n']) {
      const text = `${isa('|', '^', '>', term)}\r\n   GS|HC|A${term}\r\n\tST|837|1${term}\r\n`
      const t = tokenizeX12(text)
      expect(t.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST'])
      expect(t.segments[2]?.elements).toEqual(['837', '1'])
      expect(t.issues).toEqual([])
    }
  })

  it('numbers segments across interchanges, each with its own delimiters', () => {
    const text = `${isa()}GS*HC~IEA*0*000000001~\n${isa('|', '^', '>', '\u001d')}GS|HC\u001dIEA|0|000000001\u001d`
    const t = tokenizeX12(text)
    expect(t.delimiters.map((d) => d.element + d.segment)).toEqual(['*~', '|\u001d'])
    expect(t.segments.map((s) => `${s.position}:${s.id}:${s.interchange}`)).toEqual(['1:ISA:0', '2:GS:0', '3:IEA:0', '4:ISA:1', '5:GS:1', '6:IEA:1'])
  })

  it('reports garbage before, between and after interchanges with a position, and never throws', () => {
    const t = tokenizeX12(`junk${isa()}IEA*0*000000001~ more junk`)
    expect(t.segments.map((s) => s.id)).toEqual(['ISA', 'IEA'])
    expect(t.issues).toEqual([
      { segment: 0, message: '4 characters before the first ISA ignored' },
      { segment: 2, message: '9 characters outside an interchange ignored' },
    ])
    for (const bad of ['', 'hello', 'ISA', 'ISA*00*', '\u0000\u0001ISA*', isa().slice(0, 90)]) {
      const r = tokenizeX12(bad)
      expect(r.segments).toEqual([])
      expect(r.issues.at(-1)).toEqual({ segment: 0, message: 'no ISA interchange header found: not X12' })
    }
  })

  it('reads an ISA with miscounted fixed widths by counting its elements', () => {
    const narrow = isa().replace('RECEIVER       ', 'RECEIVER      ')
    const t = tokenizeX12(`${narrow}GS*HC~`)
    expect(t.delimiters[0]).toMatchObject({ component: ':', segment: '~' })
    expect(t.segments.map((s) => s.id)).toEqual(['ISA', 'GS'])
    expect(t.issues[0]?.message).toMatch(/105 characters wide/)
  })

  it('reports a segment that is not one and a missing terminator at the end', () => {
    const t = tokenizeX12(`${isa()}GS*HC~!!*x~ST*837`)
    expect(t.segments.map((s) => [s.id, s.position])).toEqual([
      ['ISA', 1],
      ['GS', 2],
      ['ST', 4],
    ])
    expect(t.issues.map((i) => i.segment)).toEqual([3, 4])
  })
})

describe('element helpers', () => {
  it('splits composites and repetitions', () => {
    expect(splitComponents('HC:99213:25', { component: ':' })).toEqual(['HC', '99213', '25'])
    expect(splitComponents('', { component: ':' })).toEqual([])
    expect(splitRepetitions('A^B', { repetition: '^' })).toEqual(['A', 'B'])
    expect(splitRepetitions('A^B', {})).toEqual(['A^B'])
  })

  it('parses amounts to exact integer cents', () => {
    expect(parseX12Cents('123.45')).toBe(12345)
    expect(parseX12Cents('0.29')).toBe(29)
    expect(parseX12Cents('1.1')).toBe(110)
    expect(parseX12Cents('.5')).toBe(50)
    expect(parseX12Cents('100')).toBe(10000)
    expect(parseX12Cents('-42.58')).toBe(-4258)
    expect(parseX12Cents('-0')).toBe(0)
    expect(parseX12Cents('19.999')).toBe(2000)
    expect(parseX12Cents('4503599627370.49')).toBe(450359962737049)
    for (const bad of ['', '.', '1,00', '1e3', 'abc', '1.2.3']) expect(parseX12Cents(bad)).toBeUndefined()
  })

  it('parses quantities and CCYYMMDD dates', () => {
    expect(parseX12Number('2.2')).toBe(2.2)
    expect(parseX12Number('')).toBeUndefined()
    expect(parseX12Date('20061003')).toBe('2006-10-03')
    expect(parseX12Date('20111212-20111213')).toBe('2011-12-12')
    expect(parseX12Date('20230229')).toBeUndefined()
    expect(parseX12Date('201254545')).toBeUndefined()
  })
})
