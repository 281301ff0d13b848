import { parse } from 'hono/utils/cookie'
import { ACCESS_COOKIE, identityDeps, REFRESH_COOKIE, refreshedCookieHeaders, refreshSession } from '../identity'
import { verifyAccessToken } from '../identity/session/access-token'

/**
 * Keeps a signed-in browser signed in: when the short-lived access cookie is missing or expired but a
 * refresh cookie is present, the refresh token is rotated before the request is routed, the request
 * goes on with the new access token, and the response carries the new cookies. Pages and API calls
 * (including the API calls pages make in-process) all see a valid session.
 */
export async function refreshSessionOnRequest(request: Request, env: Env): Promise<{ request: Request; setCookies: string[] }> {
  const header = request.headers.get('cookie')
  if (!header || !header.includes(`${REFRESH_COOKIE}=`)) return { request, setCookies: [] }
  const cookies = parse(header)
  const refresh = cookies[REFRESH_COOKIE]
  if (!refresh) return { request, setCookies: [] }
  const deps = await identityDeps(env)
  const access = cookies[ACCESS_COOKIE]
  if (access && (await verifyAccessToken(deps.sessionKey, access, Math.floor(Date.now() / 1000))).ok) return { request, setCookies: [] }
  const result = await refreshSession(deps, refresh)
  if (!result.ok) return { request, setCookies: [] }
  const replaced = { ...cookies, [ACCESS_COOKIE]: result.accessToken, ...(result.refreshToken ? { [REFRESH_COOKIE]: result.refreshToken } : {}) }
  const headers = new Headers(request.headers)
  headers.set('cookie', Object.entries(replaced).map(([k, v]) => `${k}=${v}`).join('; '))
  return { request: new Request(request, { headers }), setCookies: refreshedCookieHeaders(result.accessToken, result.refreshToken) }
}
