import { createMiddleware } from 'hono/factory'
import { devAccessEnabled, type EnvConfig } from '../../config'
import { accessCertsUrl, createKeyCache, devAccessKeys, parseCertsResponse, verifyAccessJwt, type AccessKeys } from '../../identity/access'
import { ApiProblem } from '../problem'
import type { ApiVariables } from './context'

export const ACCESS_HEADER = 'cf-access-jwt-assertion'

/** Keys for the team's certs, one cache per team domain per isolate (refetched on an unknown kid). */
const teamKeys = new Map<string, AccessKeys>()
let devKeys: { jwk: string; keys: Promise<AccessKeys> } | null = null

function keysFor(config: EnvConfig, env: Env): Promise<AccessKeys> {
  if (devAccessEnabled(config)) {
    if (devKeys?.jwk !== env.DEV_ACCESS_PRIVATE_JWK) devKeys = { jwk: env.DEV_ACCESS_PRIVATE_JWK, keys: devAccessKeys(env.DEV_ACCESS_PRIVATE_JWK) }
    return devKeys.keys
  }
  let keys = teamKeys.get(config.ACCESS_TEAM_DOMAIN)
  if (!keys) {
    const url = accessCertsUrl(config.ACCESS_TEAM_DOMAIN)
    keys = createKeyCache(async () => {
      const response = await fetch(url)
      return response.ok ? parseCertsResponse(await response.json()) : null
    }, Date.now)
    teamKeys.set(config.ACCESS_TEAM_DOMAIN, keys)
  }
  return Promise.resolve(keys)
}

/**
 * A Cloudflare Access JWT for the admin application: RS256 against the team's certs, our AUD, the
 * team as issuer, exp and nbf. In development mode the same checks run against the local key.
 */
export async function verifyAdminAccess(token: string | undefined, config: EnvConfig, env: Env) {
  const keys = await keysFor(config, env)
  return verifyAccessJwt(token, { teamDomain: config.ACCESS_TEAM_DOMAIN, aud: config.ACCESS_AUD }, keys, Math.floor(Date.now() / 1000))
}

/** Admin API routes: a valid Access JWT or 401. */
export const adminAccess = createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
  const result = await verifyAdminAccess(c.req.header(ACCESS_HEADER), c.var.config, c.env)
  if (!result.ok) {
    throw new ApiProblem(401, 'access-required', 'ClaimPay staff only', result.reason === 'missing' ? 'Sign in through Cloudflare Access.' : `The Access token was refused (${result.reason}).`)
  }
  c.set('adminEmail', result.claims.email)
  await next()
})
