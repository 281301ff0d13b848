import { describe, expect, it } from 'vitest'
import { reidentify } from './reidentify'

describe('reidentify', () => {
  it('puts back only tokens that are in the mapping', () => {
    const mapping = { '[NAME_1]': 'Lee', '[DATE_1]': '3/14/2026' }
    expect(reidentify('Dr. [NAME_1] on [DATE_1]; [NAME_9] and [not a token]', mapping)).toBe('Dr. Lee on 3/14/2026; [NAME_9] and [not a token]')
  })

  it('reads a mapping that went through JSON and ignores inherited keys', () => {
    const mapping = JSON.parse(JSON.stringify({ '[PHONE_1]': '555-0143' })) as Record<string, string>
    expect(reidentify('[PHONE_1] [CONSTRUCTOR] [__PROTO__]', mapping)).toBe('555-0143 [CONSTRUCTOR] [__PROTO__]')
  })

  it('maps evidence quoted from the de-identified text back for a biller', () => {
    expect(reidentify('[NAME_2] reports chest pain', { '[NAME_2]': 'Okafor' })).toBe('Okafor reports chest pain')
  })
})
