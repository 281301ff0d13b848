import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectStreetAddresses } from './street-addresses'

const streets = (text: string) => detectedText(text, detectStreetAddresses(text))

describe('detectStreetAddresses', () => {
  it.each([
    ['lives at 123 Main St with', '123 Main St'],
    ['4500 W. 42nd Street Apt 4B', '4500 W. 42nd Street Apt 4B'],
    ['12 Martin Luther King Jr Blvd', '12 Martin Luther King Jr Blvd'],
    ['PO Box 1234', 'PO Box 1234'],
    ['9 Cedar Ln, Suite 200', '9 Cedar Ln, Suite 200'],
  ])('finds %j', (text, expected) => {
    expect(streets(text)).toEqual([expected])
  })

  it('takes a labelled address up to the state', () => {
    expect(streets('Address: Rosewood Towers unit 4, Austin, TX 78701')).toEqual(['Rosewood Towers unit 4, Austin'])
  })

  it.each(['take 2 tabs daily', 'seen at 10 AM Dr. Lee', 'walks 2 miles', 'L4-L5 disc'])('keeps %j', (text) => {
    expect(streets(text)).toEqual([])
  })
})
