import { describe, expect, it } from 'vitest'
import { formatDollars, parseDollars } from './dollars'

describe('parseDollars', () => {
  it('turns dollars into exact integer cents', () => {
    expect(parseDollars('125.00')).toEqual({ ok: true, cents: 12_500 })
    expect(parseDollars('$1,250.50')).toEqual({ ok: true, cents: 125_050 })
    expect(parseDollars('0.29')).toEqual({ ok: true, cents: 29 })
    expect(parseDollars('19.9')).toEqual({ ok: true, cents: 1_990 })
    expect(parseDollars(' 80 ')).toEqual({ ok: true, cents: 8_000 })
  })

  it('rejects what is not a plain dollar amount', () => {
    for (const text of ['', '12.345', '-5.00', '1,25.00', 'abc', '$', '1.2.3']) {
      expect(parseDollars(text).ok).toBe(false)
    }
  })
})

describe('formatDollars', () => {
  it('writes two decimals', () => {
    expect(formatDollars(125_050)).toBe('1250.50')
    expect(formatDollars(7)).toBe('0.07')
  })
})
