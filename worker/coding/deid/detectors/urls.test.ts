import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectUrls } from './urls'

const urls = (text: string) => detectedText(text, detectUrls(text))

describe('detectUrls', () => {
  it('finds URLs with a scheme, www. and bare hosts, without the full stop after them', () => {
    expect(urls('See https://portal.example.org/p/123?x=1.')).toEqual(['https://portal.example.org/p/123?x=1'])
    expect(urls('at www.example.com/chart, then')).toEqual(['www.example.com/chart'])
    expect(urls('mychart.example.org/login')).toEqual(['mychart.example.org/login'])
  })

  it('keeps abbreviations with dots', () => {
    expect(urls('pt.ok, q.d., b.i.d., e.g. 1.5 mg')).toEqual([])
  })
})
