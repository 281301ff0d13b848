import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectZipCodes } from './zip-codes'

const zips = (text: string) => detectedText(text, detectZipCodes(text))

describe('detectZipCodes', () => {
  it('replaces the whole ZIP after a state or a ZIP label', () => {
    expect(zips('Austin, TX 78701')).toEqual(['78701'])
    expect(zips('Austin TX 78701-1234')).toEqual(['78701-1234'])
    expect(zips('Columbus, Ohio 43215')).toEqual(['43215'])
    expect(zips('zip code: 02139')).toEqual(['02139'])
  })

  it('keeps five-digit numbers that are not after a state', () => {
    expect(zips('CPT 99214 in 2026; platelets 25000')).toEqual([])
  })
})
