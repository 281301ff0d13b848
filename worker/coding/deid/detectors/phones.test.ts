import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectPhones } from './phones'

const phones = (text: string) => detectedText(text, detectPhones(text))

describe('detectPhones', () => {
  it.each([
    ['(512) 555-0143', '(512) 555-0143'],
    ['(512)555-0143', '(512)555-0143'],
    ['512-555-0143', '512-555-0143'],
    ['512.555.0143', '512.555.0143'],
    ['512 555 0143', '512 555 0143'],
    ['+1 512 555 0143', '+1 512 555 0143'],
    ['1-512-555-0143', '1-512-555-0143'],
    ['call 512-555-0143 ext. 22', '512-555-0143 ext. 22'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['Phone: 5125550143', '5125550143'],
    ['fax 555-0143', '555-0143'],
  ])('finds %j', (text, expected) => {
    expect(phones(text)).toEqual([expected])
  })

  it.each(['SSN 123-45-6789', 'NDC 0002-1433-80', 'BP 120/80 HR 72', 'glucose 142 mg/dL', '2026-03-14', '20 pack-years'])('keeps %j', (text) => {
    expect(phones(text)).toEqual([])
  })
})
