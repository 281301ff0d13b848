import { describe, expect, it } from 'vitest'
import { detectedText } from '../detectors/detected.test-helper'
import type { Detection } from '../types'
import { adjacentInitials, nameWords, propagateNames, surnameParticles } from './name-tokens'

const span = (text: string, value: string): Detection => {
  const start = text.indexOf(value)
  return { start, end: start + value.length, kind: 'NAME' }
}

describe('nameWords', () => {
  it('splits a name into words, keeps initials, leaves the possessive out', () => {
    const text = "Anna M. Lee's note"
    expect(detectedText(text, nameWords(text, [span(text, "Anna M. Lee's")]))).toEqual(['Anna', 'M', 'Lee'])
  })

  it('drops a word used as an eponym', () => {
    const text = "Parkinson's disease"
    expect(nameWords(text, [span(text, 'Parkinson')])).toEqual([])
  })
})

describe('propagateNames', () => {
  it('finds the other mentions of a name found once, but not its eponym use', () => {
    const text = "Mr. Wilson came. Wilson's wife; WILSON signed. Wilson disease ruled out."
    const found = propagateNames(text, [span(text, 'Wilson')])
    expect(detectedText(text, found)).toEqual(['Wilson', 'Wilson', 'WILSON'])
  })

  it('does not turn a short word in capitals into a name', () => {
    const text = 'Ana called. ANA negative.'
    expect(detectedText(text, propagateNames(text, [span(text, 'Ana')]))).toEqual(['Ana'])
  })
})

describe('adjacentInitials', () => {
  it('takes the initial before or after a name', () => {
    const text = 'J. Smith and Smith, K. and Dr. Smith'
    const words = [{ start: 3, end: 8, kind: 'NAME' as const }, { start: 13, end: 18, kind: 'NAME' as const }, { start: 31, end: 36, kind: 'NAME' as const }]
    expect(detectedText(text, adjacentInitials(text, words))).toEqual(['J', 'K'])
  })
})

describe('surnameParticles', () => {
  it('takes the particles in front of a surname', () => {
    const text = "Per Van Buren's note; Maria de la Cruz"
    expect(detectedText(text, surnameParticles(text, [span(text, 'Buren'), span(text, 'Cruz')]))).toEqual(['Van', 'de', 'la'])
  })
})
