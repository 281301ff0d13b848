import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { demoProviderEnabled, type EnvConfig, readConfig } from '../../config'
import { DEMO_PROVIDER_ID } from '../../contracts'
import { createD1ProviderStore } from '../../providers'
import { ApiProblem } from '../problem'

const DEMO_PROVIDER_NAME = 'Demo Family Practice'

export type ApiVariables = { providerId: string; config: EnvConfig }

/** Providers this isolate has already made sure exist: one insert per provider, not one per request. */
const ensured = new Set<string>()

/**
 * DEVELOPMENT ONLY, replaced by real accounts: when DEV_DEMO_PROVIDER is set outside production,
 * a request acts for the provider named in `X-Dev-Provider` (or the `dev_provider` cookie), else the
 * demo provider. Every provider-owned query downstream is scoped by this id, never by the body.
 */
export const principal = createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
  const config = readConfig(c.env)
  c.set('config', config)
  if (!demoProviderEnabled(config)) {
    throw new ApiProblem(401, 'unauthenticated', 'Sign-in required', 'Accounts are not available in this deployment yet.')
  }
  const requested = c.req.header('x-dev-provider') ?? getCookie(c, 'dev_provider') ?? DEMO_PROVIDER_ID
  if (!/^prv_[a-z0-9_]{1,40}$/i.test(requested)) {
    throw new ApiProblem(400, 'bad-dev-provider', 'X-Dev-Provider must look like prv_...')
  }
  if (!ensured.has(requested)) {
    await createD1ProviderStore(c.env.DB).ensure(
      requested,
      requested === DEMO_PROVIDER_ID ? DEMO_PROVIDER_NAME : `Development provider ${requested}`,
      config.DEFAULT_CUT_BPS,
    )
    ensured.add(requested)
  }
  c.set('providerId', requested)
  await next()
})

