import { describe, expect, it } from 'vitest'
import { detectAgesOver89 } from './ages'
import { detectedText } from './detected.test-helper'

const ages = (text: string) => detectedText(text, detectAgesOver89(text))

describe('detectAgesOver89', () => {
  it.each(['92-year-old', '92 year old', '92 yo', '92 y/o', '92yo', 'age 94', 'Age: 94', 'aged 101', '95 years of age', '93F here for', '91 M with', 'in her early 90s', 'She turned 91 last month', 'her 95th birthday'])('takes the number of %j', (text) => {
    expect(ages(text)).toHaveLength(1)
    expect(Number.parseInt(ages(text)[0]!, 10)).toBeGreaterThanOrEqual(90)
  })

  it.each(['89-year-old', '45 y/o', 'Temp 99F', 'T 99 F', 'Tmax 101F', '98.6F', 'for 90 days', 'HR 92', 'SpO2 95%', 'fever to 100F', 'in her 80s', 'in the 1990s'])('keeps %j', (text) => {
    expect(ages(text)).toEqual([])
  })
})
