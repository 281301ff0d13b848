import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectUnlabeledIds } from './unlabeled-ids'

const ids = (text: string) => detectedText(text, detectUnlabeledIds(text))

describe('detectUnlabeledIds', () => {
  it('finds a Medicare Beneficiary Identifier by its shape', () => {
    expect(ids('covered under 1EG4-TE5-MK72 since 2020')).toEqual(['1EG4-TE5-MK72'])
    expect(ids('1EG4TE5MK72')).toContain('1EG4TE5MK72')
  })

  it('finds long digit runs and letter-digit ids', () => {
    expect(ids('ref 123456789 and W12345678')).toEqual(['123456789', 'W12345678'])
  })

  it.each(['99214', 'E11.9', 'S72001A', 'M17.11', 'NDC 00093714656', 'SNOMED 44054006', 'Plt 250,000', '3.14159265', 'G2P1'])('keeps clinical %j', (text) => {
    expect(ids(text)).toEqual([])
  })
})
