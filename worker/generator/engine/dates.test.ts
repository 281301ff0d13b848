import { describe, expect, it } from 'vitest'
import { dayOfWeek, epochDayOf, isoDateOf } from './dates'

describe('epoch days', () => {
  it('round-trips dates across leap years and centuries', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '1999-12-31', '2024-02-29', '2024-03-01', '2100-03-01', '1925-07-04']) {
      expect(isoDateOf(epochDayOf(iso))).toBe(iso)
    }
    for (let d = -40_000; d < 60_000; d += 37) expect(epochDayOf(isoDateOf(d))).toBe(d)
  })

  it('knows the weekday', () => {
    expect(dayOfWeek(epochDayOf('2026-11-22'))).toBe(0)
    expect(dayOfWeek(epochDayOf('2024-01-01'))).toBe(1)
  })
})
