import { createMiddleware } from 'hono/factory'
import { authenticatePartnerRequest, type PartnerScope } from '../../identity'
import { ApiProblem } from '../problem'
import type { ApiVariables } from './context'

/** Largest signed partner body: partner calls carry ids and amounts, never files. */
const MAX_PARTNER_BODY = 64 * 1024

const REASONS: Record<string, string> = {
  'missing-signature-headers': 'Sign the request: see the partner signing guide.',
  'malformed-signature-headers': 'A signature header is malformed.',
  'unknown-token': 'The token is not known.',
  revoked: 'The token has been revoked.',
  expired: 'The token has expired.',
  'stale-timestamp': 'The timestamp is more than five minutes from now.',
  'body-hash-mismatch': 'X-ClaimPay-Content-SHA256 does not match the body.',
  'bad-signature': 'The signature does not match.',
  'replayed-nonce': 'This nonce was already used.',
}

/** Partner routes: every request signed with a live token (HMAC-SHA256, five-minute window, fresh nonce). */
export const partnerAuth = createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
  const body = new Uint8Array(await c.req.arrayBuffer())
  if (body.byteLength > MAX_PARTNER_BODY) throw new ApiProblem(413, 'payload-too-large', 'The request body is too large')
  const result = await authenticatePartnerRequest(c.var.deps, c.req.raw, body)
  if (!result.ok) throw new ApiProblem(401, 'invalid-signature', 'The request signature was refused', REASONS[result.reason] ?? result.reason)
  c.set('partner', result.principal)
  await next()
})

export function requireScope(scope: PartnerScope) {
  return createMiddleware<{ Bindings: Env; Variables: ApiVariables }>(async (c, next) => {
    if (!c.var.partner.scopes.includes(scope)) throw new ApiProblem(403, 'missing-scope', 'The token lacks a scope', `This needs ${scope}.`)
    await next()
  })
}
