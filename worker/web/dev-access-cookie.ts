import { parse } from 'hono/utils/cookie'
import { devAccessEnabled, readConfig } from '../config'

const ACCESS_HEADER = 'cf-access-jwt-assertion'
const ACCESS_COOKIE = 'CF_Authorization'

/**
 * DEVELOPMENT ONLY: Cloudflare's edge turns the browser's `CF_Authorization` cookie into the
 * `Cf-Access-Jwt-Assertion` header on every request. Locally there is no edge, so in development mode
 * the Worker does the same; the token is then verified exactly as in production. Never outside
 * development: there the header comes from Access alone.
 */
export function emulateAccessEdge(request: Request, env: Env): Request {
  if (request.headers.has(ACCESS_HEADER) || !devAccessEnabled(readConfig(env))) return request
  const token = parse(request.headers.get('cookie') ?? '')[ACCESS_COOKIE]
  if (!token) return request
  const headers = new Headers(request.headers)
  headers.set(ACCESS_HEADER, token)
  return new Request(request, { headers })
}
