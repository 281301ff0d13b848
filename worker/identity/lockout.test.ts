import { describe, expect, it } from 'vitest'
import { afterFailure, lockedFor } from './lockout'

const now = new Date('2026-11-22T10:00:00Z')

describe('sign-in lockout', () => {
  it('lets two failures pass, then locks for longer each time', () => {
    let record = afterFailure(null, now)
    expect(lockedFor(record, now)).toBe(0)
    record = afterFailure(record, now)
    expect(lockedFor(record, now)).toBe(0)
    const locks = [3, 4, 5, 6].map(() => {
      record = afterFailure(record, now)
      return lockedFor(record, now)
    })
    expect(locks).toEqual([30_000, 120_000, 900_000, 900_000])
  })

  it('ends when the lock time has passed', () => {
    const record = { failures: 3, lockedUntil: '2026-11-22T10:00:30.000Z' }
    expect(lockedFor(record, now)).toBe(30_000)
    expect(lockedFor(record, new Date('2026-11-22T10:00:31Z'))).toBe(0)
    expect(lockedFor(null, now)).toBe(0)
  })
})
