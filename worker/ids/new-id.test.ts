import { describe, expect, it } from 'vitest'
import { hasPrefix, newId, stableId } from './new-id'

describe('newId', () => {
  it('is prefixed and 26 characters of Crockford base32', () => {
    const id = newId('clm')
    expect(id).toMatch(/^clm_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(hasPrefix(id, 'clm')).toBe(true)
    expect(hasPrefix(id, 'upl')).toBe(false)
  })

  it('sorts by creation time as text', () => {
    const earlier = newId('clm', Date.UTC(2026, 0, 1))
    const later = newId('clm', Date.UTC(2026, 0, 1) + 1)
    expect([later, earlier].sort()).toEqual([earlier, later])
  })

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('evt', 0)))
    expect(ids.size).toBe(1000)
  })
})

describe('stableId', () => {
  it('repeats for the same key and differs for another', async () => {
    const a = await stableId('clm', 1_700_000_000_000, 'upl_X:1')
    expect(await stableId('clm', 1_700_000_000_000, 'upl_X:1')).toBe(a)
    expect(await stableId('clm', 1_700_000_000_000, 'upl_X:2')).not.toBe(a)
    expect(hasPrefix(a, 'clm')).toBe(true)
  })
})
