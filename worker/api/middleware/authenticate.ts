import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { authenticateAccessToken, authenticateApiKey, can, needsMfaEnrollment, sessionCookies, type Permission, type UserPrincipal } from '../../identity'
import { ApiProblem } from '../problem'
import type { ApiVariables } from './context'

type Ctx = { Bindings: Env; Variables: ApiVariables }

const signInRequired = () => new ApiProblem(401, 'unauthenticated', 'Sign-in required', 'Sign in, or send an API key as `Authorization: Bearer cpk_...`.')

/**
 * Who is asking, for provider routes: an API key in `Authorization: Bearer`, else the session cookie.
 * Anything else is 401. An owner whose session has not passed a second factor may only enrol one.
 */
export function authenticate(options: { allowWithoutMfa?: boolean } = {}) {
  return createMiddleware<Ctx>(async (c, next) => {
    const deps = c.var.deps
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (bearer) {
      const key = await authenticateApiKey(deps, bearer, c.req.routePath)
      if (!key.ok) throw new ApiProblem(401, 'invalid-api-key', 'The API key is not valid', key.reason === 'malformed' ? 'API keys look like cpk_<prefix>_<secret>.' : `The key is ${key.reason}.`)
      c.set('principal', key.principal)
      c.set('providerId', key.principal.providerId)
      return next()
    }
    const { access } = sessionCookies(c)
    if (!access) throw signInRequired()
    const session = await authenticateAccessToken(deps, access)
    if (!session.ok) throw signInRequired()
    if (!options.allowWithoutMfa && needsMfaEnrollment(session.principal)) {
      throw new ApiProblem(403, 'mfa-enrollment-required', 'Set up two-factor authentication first', 'Account owners must enrol an authenticator app before using ClaimPay.')
    }
    c.set('principal', session.principal)
    c.set('providerId', session.principal.providerId)
    return next()
  })
}

/** The permission a route needs: a role grant for members, a scope for API keys. */
export function requirePermission(permission: Permission) {
  return createMiddleware<Ctx>(async (c, next) => {
    if (!can(c.var.principal, permission)) {
      throw new ApiProblem(403, 'forbidden', 'You do not have permission to do this', `This needs the ${permission} permission.`)
    }
    await next()
  })
}

/** For routes only a signed-in person may use (team, keys, password): API keys are refused. */
export const requireUser = createMiddleware<Ctx>(async (c, next) => {
  if (c.var.principal.kind !== 'user') throw new ApiProblem(403, 'forbidden', 'This needs a signed-in user', 'API keys cannot manage accounts.')
  await next()
})

/** The signed-in member behind a route guarded by `requireUser`. */
export function signedInUser(c: Context<Ctx>): UserPrincipal {
  const principal = c.var.principal
  if (principal.kind !== 'user') throw new ApiProblem(403, 'forbidden', 'This needs a signed-in user')
  return principal
}
