import { describe, expect, it } from 'vitest'
import { detectCities } from './cities'
import { detectedText } from './detected.test-helper'

const cities = (text: string) => detectedText(text, detectCities(text))

describe('detectCities', () => {
  it('finds the city of an address line and after "lives in"', () => {
    expect(cities('123 Main St, Fort Worth, TX 76102')).toEqual(['Fort Worth'])
    expect(cities('4303 Hill St Tampa FL 33602')).toEqual(['Tampa'])
    expect(cities('Apt 3, Round Rock TX 78664')).toEqual(['Round Rock'])
    expect(cities('Raleigh, NC\n')).toEqual(['Raleigh'])
    expect(cities('She lives in Grand Rapids with her son.')).toEqual(['Grand Rapids'])
  })

  it('keeps states', () => {
    expect(cities('moved from Texas last year')).toEqual([])
  })
})
