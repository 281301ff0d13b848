import { describe, expect, it } from 'vitest'
import { retryDelaySeconds } from './consume'

describe('retryDelaySeconds', () => {
  it('doubles with each attempt and stops at five minutes', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16])
    expect(retryDelaySeconds(20)).toBe(300)
  })

  it('never asks for an immediate retry', () => {
    expect(retryDelaySeconds(0)).toBe(2)
  })
})
