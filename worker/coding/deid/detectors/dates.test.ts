import { describe, expect, it } from 'vitest'
import { detectDates } from './dates'
import { detectedText } from './detected.test-helper'

const dates = (text: string) => detectedText(text, detectDates(text))

describe('detectDates', () => {
  it.each([
    ['seen 03/14/2026.', '03/14/2026'],
    ['seen 3-14-26 today', '3-14-26'],
    ['on 3.14.2026', '3.14.2026'],
    ['March 14, 2026 visit', 'March 14, 2026'],
    ['Mar. 14 2026', 'Mar. 14 2026'],
    ['14 Mar 2026', '14 Mar 2026'],
    ['14-Mar-2026', '14-Mar-2026'],
    ['the 14th of March', '14th of March'],
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T09:30:00Z', '2026-03-14T09:30:00Z'],
    ['2026/03/14', '2026/03/14'],
    ['onset March 2026', 'March 2026'],
    ['since 03/2026', '03/2026'],
    ['on 3/14 she fell', '3/14'],
    ['Mother called 9/8 re: results', '9/8'],
    ['DOB: 03141950', '03141950'],
    ['March 14th', 'March 14th'],
    ['MARCH 14, 2026', 'MARCH 14, 2026'],
  ])('finds %j', (text, expected) => {
    expect(dates(text)).toContain(expected)
  })

  it.each([
    'since 2019',
    'BP 120/80',
    'take 1/2 tablet',
    'increase to 1/2 tab',
    'strength 4/5, grade 2/6',
    'vision 20/40',
    'ratio 1:2',
    'L4-L5 and C5-C6',
    'q6-8h, 3-4 times per week',
    'A1c 7.2, Cr 1.1',
    'E11.9 and 99214',
    'May take acetaminophen',
    'Apgar 8/9',
    'ROM 0-90',
  ])('keeps %j', (text) => {
    expect(dates(text)).toEqual([])
  })
})
