import { describe, expect, it } from 'vitest'
import { loginHref, safeNext, sessionRedirect } from './session'

const problem = (status: number, type = 'https://claimpay.dev/problems/x') => ({ type, title: 't', status })

describe('safeNext', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNext('/claims?status=paid')).toBe('/claims?status=paid')
  })

  it('falls back to the dashboard for anything that could leave the site', () => {
    for (const raw of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', 'claims']) {
      expect(safeNext(raw)).toBe('/')
    }
  })

  it('does not send a signed-in user back to the sign-in page', () => {
    expect(safeNext('/login?next=/claims')).toBe('/')
  })
})

describe('sessionRedirect', () => {
  const here = new URL('http://127.0.0.1/claims?status=paid')

  it('sends a signed-out user to sign in, remembering the page', () => {
    expect(sessionRedirect(problem(401), here)).toBe(loginHref(here))
    expect(loginHref(here)).toBe('/login?next=%2Fclaims%3Fstatus%3Dpaid')
  })

  it('sends an owner without a second factor to the security page, but not from it', () => {
    const mfa = problem(403, 'https://claimpay.dev/problems/mfa-enrollment-required')
    expect(sessionRedirect(mfa, here)).toBe('/settings/security')
    expect(sessionRedirect(mfa, new URL('http://127.0.0.1/settings/security'))).toBeNull()
  })

  it('leaves other problems to the page', () => {
    expect(sessionRedirect(problem(403), here)).toBeNull()
    expect(sessionRedirect(problem(500), here)).toBeNull()
  })
})
