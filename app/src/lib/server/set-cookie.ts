import type { Cookies } from '@sveltejs/kit'

type CookieOptions = Parameters<Cookies['set']>[2]

export type SetCookie = { name: string; value: string; options: CookieOptions }

/**
 * Reads one `Set-Cookie` header into SvelteKit's cookie options. `httpOnly` and `secure` are always
 * given explicitly because SvelteKit would otherwise turn both on, hiding the CSRF cookie from scripts
 * and dropping cookies on plain-HTTP development servers.
 */
export function parseSetCookie(header: string): SetCookie | null {
  const [pair, ...attributes] = header.split(';')
  const eq = pair?.indexOf('=') ?? -1
  if (!pair || eq <= 0) return null
  const name = pair.slice(0, eq).trim()
  const value = pair.slice(eq + 1).trim()
  const options: CookieOptions = { path: '/', httpOnly: false, secure: false }
  for (const attribute of attributes) {
    const at = attribute.indexOf('=')
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase()
    const arg = at < 0 ? '' : attribute.slice(at + 1).trim()
    if (key === 'path' && arg) options.path = arg
    else if (key === 'domain' && arg) options.domain = arg
    else if (key === 'max-age' && /^-?\d+$/.test(arg)) options.maxAge = Number(arg)
    else if (key === 'expires' && !Number.isNaN(Date.parse(arg))) options.expires = new Date(arg)
    else if (key === 'httponly') options.httpOnly = true
    else if (key === 'secure') options.secure = true
    else if (key === 'samesite') {
      const mode = arg.toLowerCase()
      if (mode === 'lax' || mode === 'strict' || mode === 'none') options.sameSite = mode
    }
  }
  return { name, value, options }
}
