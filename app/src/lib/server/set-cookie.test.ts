import { describe, expect, it } from 'vitest'
import { parseSetCookie } from './set-cookie'

describe('parseSetCookie', () => {
  it('reads the attributes of a session cookie', () => {
    expect(parseSetCookie('cp_at=abc.def; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax')).toEqual({
      name: 'cp_at',
      value: 'abc.def',
      options: { path: '/', httpOnly: true, secure: true, maxAge: 600, sameSite: 'lax' },
    })
  })

  it('keeps a script-readable cookie readable', () => {
    expect(parseSetCookie('cp_csrf=x1; Path=/; SameSite=Strict')?.options).toEqual({
      path: '/',
      httpOnly: false,
      secure: false,
      sameSite: 'strict',
    })
  })

  it('refuses a header without a name', () => {
    expect(parseSetCookie('=oops; Path=/')).toBeNull()
    expect(parseSetCookie('')).toBeNull()
  })
})
