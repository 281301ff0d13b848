import type { Problem } from '$contracts'

export const LOGIN_PATH = '/login'
export const SECURITY_PATH = '/settings/security'

const MFA_ENROLLMENT_REQUIRED = '/mfa-enrollment-required'

/** An origin no request can have, so only paths on this site survive the parse in `safeNext`. */
const PROBE_ORIGIN = 'http://next.invalid'

export function loginHref(from: URL): string {
  return `${LOGIN_PATH}?next=${encodeURIComponent(from.pathname + from.search)}`
}

/**
 * Where a page should go instead of showing a problem: signed out goes to sign-in, and an owner
 * without a second factor goes to set one up. Null when the problem is the page's to show (and on the
 * security page itself, which must stay reachable for that enrolment).
 */
export function sessionRedirect(problem: Problem, from: URL): string | null {
  if (problem.status === 401) return loginHref(from)
  if (problem.status === 403 && problem.type.endsWith(MFA_ENROLLMENT_REQUIRED) && from.pathname !== SECURITY_PATH) {
    return SECURITY_PATH
  }
  return null
}

/**
 * The `next` parameter names where to land after sign-in. Only a path on this site is followed:
 * anything else would turn the sign-in page into an open redirect.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/'
  let url: URL
  try {
    url = new URL(raw, PROBE_ORIGIN)
  } catch {
    return '/'
  }
  if (url.origin !== PROBE_ORIGIN || url.pathname === LOGIN_PATH) return '/'
  return url.pathname + url.search + url.hash
}
