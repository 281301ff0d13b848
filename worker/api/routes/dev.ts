import { createRoute, z } from '@hono/zod-openapi'
import { setCookie } from 'hono/cookie'
import { devAccessEnabled, devOutboxEnabled } from '../../config'
import { OutboxEmail } from '../../contracts/identity'
import { signDevAccessJwt } from '../../identity/access'
import { readOutbox } from '../../notify'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { notFound } from '../problem'

/** The cookie Cloudflare Access sets in the browser; in development the Worker reads it as Access would. */
export const DEV_ACCESS_COOKIE = 'CF_Authorization'

/**
 * DEVELOPMENT ONLY. The outbox as a mailbox, and a stand-in for the Access login page. Both answer
 * 404 unless their switch is on, and production configuration refuses the switches.
 */
export const devRoutes = apiRouter()
  .openapi(createRoute({ method: 'get', path: '/dev/outbox', summary: 'Development mailbox', responses: { 200: jsonOk('Emails, newest first', z.object({ items: z.array(OutboxEmail) })), 404: problem('Not in development') } }), async (c) => {
    if (!devOutboxEnabled(c.var.config)) return notFound(c) as never
    return c.json({ items: await readOutbox(c.var.deps.db, c.var.deps.keyring) }, 200)
  })
  .openapi(
    createRoute({ method: 'post', path: '/dev/access-login', summary: 'Development stand-in for the Access login', request: jsonBody(z.object({ email: z.email() })), responses: { 204: { description: 'Signed in as an admin' }, 404: problem('Not in development') } }),
    async (c) => {
      const config = c.var.config
      if (!devAccessEnabled(config)) return notFound(c) as never
      const token = await signDevAccessJwt(c.env.DEV_ACCESS_PRIVATE_JWK, { email: c.req.valid('json').email, aud: config.ACCESS_AUD, iss: config.ACCESS_TEAM_DOMAIN, ttlSec: 8 * 3600 }, Math.floor(Date.now() / 1000))
      setCookie(c, DEV_ACCESS_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 8 * 3600 })
      return c.body(null, 204)
    },
  )
