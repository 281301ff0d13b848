import { describe, expect, it } from 'vitest'
import { linkify } from './linkify'

describe('linkify', () => {
  it('turns http links into link parts and keeps the text around them', () => {
    expect(linkify('Confirm: http://127.0.0.1:8787/verify-email?token=abc_123.\nThanks')).toEqual([
      { kind: 'text', text: 'Confirm: ' },
      { kind: 'link', text: 'http://127.0.0.1:8787/verify-email?token=abc_123', href: 'http://127.0.0.1:8787/verify-email?token=abc_123' },
      { kind: 'text', text: '.\nThanks' },
    ])
  })

  it('leaves markup and other schemes as text', () => {
    expect(linkify('<a href="javascript:alert(1)">x</a>')).toEqual([{ kind: 'text', text: '<a href="javascript:alert(1)">x</a>' }])
  })

  it('handles text without links and an empty body', () => {
    expect(linkify('no links')).toEqual([{ kind: 'text', text: 'no links' }])
    expect(linkify('')).toEqual([])
  })
})
