import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ApiProblem } from '../problem'
import type { ApiVariables } from './context'

type Ctx = Context<{ Bindings: Env; Variables: ApiVariables }>

/** The client address Cloudflare saw; locally there is none, and every caller shares one budget. */
export function clientAddress(c: Ctx): string {
  return c.req.header('cf-connecting-ip') ?? 'local'
}

/**
 * Spends one unit of `binding`'s budget for the key `keyOf` names (Workers Rate Limiting). Over budget
 * is 429 with Retry-After: the binding counts per 10 s or 60 s window, so the wait is at most that.
 */
export function rateLimit(binding: (env: Env) => RateLimit, keyOf: (c: Ctx) => string, periodSec = 60) {
  return createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
    await spendBudget(c, binding(c.env), keyOf(c), periodSec)
    await next()
  })
}

/** One unit of a budget from inside a handler, for keys only the validated body names (an email). */
export async function spendBudget(c: Ctx, limiter: RateLimit, key: string, periodSec = 60): Promise<void> {
  const { success } = await limiter.limit({ key })
  if (!success) {
    c.header('retry-after', String(periodSec))
    throw new ApiProblem(429, 'rate-limited', 'Too many requests', `Try again in ${periodSec} seconds.`)
  }
}
