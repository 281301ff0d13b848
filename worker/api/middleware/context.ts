import { createMiddleware } from 'hono/factory'
import { readConfig, type EnvConfig } from '../../config'
import { identityDeps, type IdentityDeps, type PartnerPrincipal, type ProviderPrincipal } from '../../identity'

export type ApiVariables = {
  config: EnvConfig
  deps: IdentityDeps
  /** Set by `authenticate` on provider routes. */
  principal: ProviderPrincipal
  /** The provider every query is scoped by: always the principal's, never a value from the request. */
  providerId: string
  /** Set by `adminAccess`: the Access-verified email of the ClaimPay staff member. */
  adminEmail: string
  /** Set by `partnerAuth`. */
  partner: PartnerPrincipal
}

/** Validated config and identity dependencies for every API request (keys are imported once per isolate). */
export const apiContext = createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
  c.set('config', readConfig(c.env))
  c.set('deps', await identityDeps(c.env))
  await next()
})
