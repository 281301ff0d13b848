/** Names the API's double-submit check uses: the readable cookie and the header that must echo it. */
export const CSRF_COOKIE = 'cp_csrf'
export const CSRF_HEADER = 'x-csrf-token'

/** The CSRF cookie as this page's JavaScript sees it (it is the one auth cookie that is not HttpOnly). */
export function readCsrfCookie(cookieString: string): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== CSRF_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(value)
    } catch {
      return value
    }
  }
  return null
}
