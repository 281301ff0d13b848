import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { randomToken } from '../secrets'
import { ACCESS_TOKEN_TTL_SEC } from './access-token'
import { REFRESH_TTL_MS, type IssuedSession } from './sessions'

/**
 * The session lives in three cookies. `cp_at` (access token) and `cp_rt` (refresh token) are HttpOnly;
 * `cp_csrf` is readable by the page, which echoes it in `X-CSRF-Token` on every change (double submit):
 * another site can make the browser send the cookies but cannot read this one.
 */
export const ACCESS_COOKIE = 'cp_at'
export const REFRESH_COOKIE = 'cp_rt'
export const CSRF_COOKIE = 'cp_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const base = { path: '/', secure: true, sameSite: 'Lax' } as const

export function setSessionCookies(c: Context, session: Pick<IssuedSession, 'accessToken' | 'refreshToken'>): void {
  setCookie(c, ACCESS_COOKIE, session.accessToken, { ...base, httpOnly: true, maxAge: ACCESS_TOKEN_TTL_SEC })
  setCookie(c, REFRESH_COOKIE, session.refreshToken, { ...base, httpOnly: true, maxAge: REFRESH_TTL_MS / 1000 })
  setCookie(c, CSRF_COOKIE, randomToken(24), { ...base, sameSite: 'Strict', maxAge: REFRESH_TTL_MS / 1000 })
}

export function clearSessionCookies(c: Context): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]) deleteCookie(c, name, { path: '/', secure: true })
}

export function sessionCookies(c: Context) {
  return { access: getCookie(c, ACCESS_COOKIE), refresh: getCookie(c, REFRESH_COOKIE), csrf: getCookie(c, CSRF_COOKIE) }
}

/** Set-Cookie values for a refresh done before routing (outside a Hono context). */
export function refreshedCookieHeaders(accessToken: string, refreshToken: string | null): string[] {
  const attrs = 'Path=/; Secure; HttpOnly'
  const headers = [`${ACCESS_COOKIE}=${accessToken}; Max-Age=${ACCESS_TOKEN_TTL_SEC}; ${attrs}; SameSite=Lax`]
  if (refreshToken) headers.push(`${REFRESH_COOKIE}=${refreshToken}; Max-Age=${REFRESH_TTL_MS / 1000}; ${attrs}; SameSite=Lax`)
  return headers
}
