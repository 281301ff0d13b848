import { describe, expect, it } from 'vitest'
import { DAY_MS, dueAt, nextAlarmAt, simulatedClock, simulatedEnd, simulatedStart } from './schedule'

const T0 = Date.parse('2026-03-02T09:30:00Z')
const live = (speed: 'realtime' | '10x' | '100x', duration: 'continuous' | 'one-week' | '30-days' = 'continuous') => ({ speed, duration, startSimMs: T0, startedAtMs: T0 })

describe('the simulated clock', () => {
  it('runs at 1x, 10x and 100x the real clock from the start', () => {
    expect(simulatedClock(live('realtime'), T0 + 60_000)).toBe(T0 + 60_000)
    expect(simulatedClock(live('10x'), T0 + 60_000)).toBe(T0 + 600_000)
    expect(simulatedClock(live('100x'), T0 + 3_600_000)).toBe(T0 + 100 * 3_600_000)
  })

  it('never runs backwards before the start, and stops at the end of a finite duration', () => {
    expect(simulatedClock(live('100x'), T0 - 5_000)).toBe(T0)
    expect(simulatedEnd(live('100x', 'one-week'))).toBe(T0 + 7 * DAY_MS)
    expect(simulatedClock(live('100x', 'one-week'), T0 + 30 * DAY_MS)).toBe(T0 + 7 * DAY_MS)
    expect(simulatedEnd(live('100x', '30-days'))).toBe(T0 + 30 * DAY_MS)
    expect(simulatedEnd(live('100x'))).toBeNull()
  })

  it('puts a backfill over the whole days before today, all due at once', () => {
    const start = simulatedStart('max', '30-days', T0)
    expect(new Date(start).toISOString()).toBe('2026-01-31T00:00:00.000Z')
    const config = { speed: 'max' as const, duration: '30-days' as const, startSimMs: start, startedAtMs: T0 }
    expect(simulatedClock(config, T0)).toBe(Date.parse('2026-03-02T00:00:00Z'))
  })

  it('starts a live run at the given date or now', () => {
    expect(simulatedStart('10x', 'continuous', T0)).toBe(T0)
    expect(simulatedStart('10x', 'continuous', T0, '2026-01-05')).toBe(Date.parse('2026-01-05T00:00:00Z'))
  })
})

describe('when claims are due', () => {
  it('spreads a day of claims over clinic hours, in order', () => {
    const day = Math.floor(T0 / DAY_MS)
    const times = Array.from({ length: 4 }, (_, i) => dueAt(day, i, 4))
    expect(times.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['09:15', '11:45', '14:15', '16:45'])
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('at 100x, about a hundred seconds of clinic time pass each real second', () => {
    // 400 claims a day over 10 clinic hours: 100 simulated seconds hold 400 * 100 / 36,000, about 1.1.
    const day = Math.floor(T0 / DAY_MS)
    const config = live('100x')
    const dueBy = (ms: number) => Array.from({ length: 400 }, (_, i) => dueAt(day, i, 400)).filter((t) => t > T0 && t <= simulatedClock(config, ms)).length
    expect(dueBy(T0 + 1_000)).toBeLessThanOrEqual(2)
    expect(dueBy(T0 + 60_000)).toBe(67)
  })

  it('fires the next alarm at once while a backlog remains, else after a tick', () => {
    expect(nextAlarmAt('100x', T0, true)).toBe(T0)
    expect(nextAlarmAt('100x', T0, false)).toBe(T0 + 5_000)
    expect(nextAlarmAt('realtime', T0, false)).toBe(T0 + 5_000)
  })
})
