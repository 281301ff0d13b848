import { createMiddleware } from 'hono/factory'
import { CSRF_HEADER, sessionCookies, timingSafeEqual } from '../../identity'
import { ApiProblem } from '../problem'
import type { ApiVariables } from './context'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Changes made with the session cookie must echo the `cp_csrf` cookie in `X-CSRF-Token` (double
 * submit) and, when the browser names an Origin, come from this site or an allowed origin. API keys
 * are not sent by browsers on their own, so key-authenticated requests need neither.
 */
export const csrfProtection = createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
  if (SAFE.has(c.req.method) || c.var.principal?.kind !== 'user') return next()
  const origin = c.req.header('origin')
  if (origin && origin !== new URL(c.req.url).origin && !c.var.config.CORS_ORIGINS.includes(origin)) {
    throw new ApiProblem(403, 'csrf-origin', 'Cross-site request refused', 'This change did not come from ClaimPay.')
  }
  const expected = sessionCookies(c).csrf
  const presented = c.req.header(CSRF_HEADER)
  if (!expected || !presented || !timingSafeEqual(expected, presented)) {
    throw new ApiProblem(403, 'csrf-token', 'Missing or wrong CSRF token', 'Send the cp_csrf cookie value in the X-CSRF-Token header.')
  }
  await next()
})
