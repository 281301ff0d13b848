import { describe, expect, it } from 'vitest'
import { formatCentsText, parseDollars } from './money'

describe('formatCentsText', () => {
  it('formats cents as dollars without rounding, whatever their size', () => {
    expect(formatCentsText('0')).toBe('$0.00')
    expect(formatCentsText('5')).toBe('$0.05')
    expect(formatCentsText('123456789')).toBe('$1,234,567.89')
    expect(formatCentsText('-9500')).toBe('−$95.00')
    expect(formatCentsText('18014398509481986')).toBe('$180,143,985,094,819.86')
    expect(formatCentsText(null)).toBe('—')
    expect(formatCentsText('1.5')).toBe('—')
  })
})

describe('parseDollars', () => {
  const max = 100_000_000_000
  it('reads dollars and cents as whole cents', () => {
    expect(parseDollars('2500', max)).toEqual({ ok: true, cents: 250_000 })
    expect(parseDollars(' $2,500.5 ', max)).toEqual({ ok: true, cents: 250_050 })
    expect(parseDollars('0.01', max)).toEqual({ ok: true, cents: 1 })
    expect(parseDollars('1000000000', max)).toEqual({ ok: true, cents: max })
  })

  it('says what is wrong with zero, negative, fractional-cent, huge and unreadable amounts', () => {
    expect(parseDollars('', max)).toMatchObject({ ok: false, message: expect.stringMatching(/Enter an amount/) })
    expect(parseDollars('0', max)).toMatchObject({ ok: false, message: expect.stringMatching(/more than zero/) })
    expect(parseDollars('-5', max)).toMatchObject({ ok: false, message: expect.stringMatching(/more than zero/) })
    expect(parseDollars('1.005', max)).toMatchObject({ ok: false, message: expect.stringMatching(/two decimals/) })
    expect(parseDollars('1000000000.01', max)).toMatchObject({ ok: false, message: expect.stringMatching(/at most \$1,000,000,000\.00/) })
    expect(parseDollars('1e6', max)).toMatchObject({ ok: false, message: expect.stringMatching(/like 2500/) })
  })
})
