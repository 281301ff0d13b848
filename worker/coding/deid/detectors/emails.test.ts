import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectEmails } from './emails'

describe('detectEmails', () => {
  it('finds addresses with dots, plus signs and subdomains', () => {
    const text = 'Send to john.smith+chart@mail.example.org or j_s@example.com.'
    expect(detectedText(text, detectEmails(text))).toEqual(['john.smith+chart@mail.example.org', 'j_s@example.com'])
  })

  it('needs a dot in the domain', () => {
    expect(detectEmails('user@localhost and @handle')).toEqual([])
  })
})
