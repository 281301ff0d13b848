import { describe, expect, it } from 'vitest'
import { isBillableIcd10 } from '../code-sets'
import { layTermCodes } from './lay-term-matcher'

describe('lay-term table', () => {
  it('points only at billable codes', () => {
    const invalid = layTermCodes().filter((code) => !isBillableIcd10(code))
    expect(invalid).toEqual([])
  })
})
