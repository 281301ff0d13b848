import { describe, expect, it } from 'vitest'
import { decodeBase64Utf8, firstCoding } from './read-resources'

describe('decodeBase64Utf8', () => {
  it('decodes UTF-8 text, line-wrapped base64 included', () => {
    expect(decodeBase64Utf8(btoa('Chief complaint: none.'))).toBe('Chief complaint: none.')
    // "café" in UTF-8, wrapped as MIME base64 often is.
    expect(decodeBase64Utf8('Y2Fm\nw6k=')).toBe('café')
  })

  it('returns null for what is not base64 or not UTF-8', () => {
    expect(decodeBase64Utf8('@@@')).toBeNull()
    expect(decodeBase64Utf8(btoa('\xff\xfe'))).toBeNull()
  })
})

describe('firstCoding', () => {
  it('takes the first coding that has a code, keeping its system', () => {
    expect(firstCoding({ coding: [{ system: 'a' }, { system: 'http://snomed.info/sct', code: '40701008', display: 'Echo' }] })).toEqual({
      system: 'http://snomed.info/sct',
      code: '40701008',
      display: 'Echo',
    })
    expect(firstCoding({ coding: [{ code: 'x' }] })).toEqual({ system: null, code: 'x' })
    expect(firstCoding({ text: 'only text' })).toBeNull()
    expect(firstCoding(undefined)).toBeNull()
  })
})
