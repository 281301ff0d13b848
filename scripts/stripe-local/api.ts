import type { ApiContext, ApiRequest } from './context'
import { errorBody, stripeErrors } from './errors'
import type { StripeError } from './errors'
import type { FaultPlan } from './faults'
import { decodeForm } from './form-decode'
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency'
import type { IdempotencyScope, IdempotencyStore } from './idempotency'
import { settleDuePayouts } from './resources/payout-settlement'
import { matchRoute } from './router'

export type ApiInput = {
  method: string
  path: string
  query: string
  body: string
  headers: Record<string, string | undefined>
}

/** What goes back on the wire; `drop` closes the connection without any response. */
export type ApiOutput = { kind: 'respond'; status: number; body: unknown; headers: Record<string, string> } | { kind: 'drop' }

export type ApiServer = {
  ctx: ApiContext
  idempotency: IdempotencyStore
  faults: FaultPlan
  /** When set, only these secret keys are accepted; otherwise any `sk_test_` key. */
  apiKeys: string[] | null
  /** The Stripe-Version seen on requests, which events carry as their api_version. */
  noteApiVersion(version: string | undefined): string
}

/**
 * One Stripe API request through the layers Stripe applies, in its order: authentication, routing,
 * the Stripe-Account check, injected faults, the idempotency layer, then the endpoint.
 */
export function handleApiRequest(server: ApiServer, input: ApiInput): ApiOutput {
  const { ctx } = server
  const requestId = ctx.ids.next('req', 14)
  const version = server.noteApiVersion(input.headers['stripe-version'])
  const headers: Record<string, string> = { 'Request-Id': requestId, 'Stripe-Version': version }
  const idempotencyKey = input.method === 'POST' ? (input.headers['idempotency-key'] ?? null) : null
  if (idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey
  const account = input.headers['stripe-account'] ?? null
  if (account !== null) headers['Stripe-Account'] = account
  const fail = (error: StripeError): ApiOutput => ({ kind: 'respond', status: error.status, body: errorBody(error), headers })

  const apiKey = bearerKey(input.headers.authorization)
  if (apiKey === null) return fail(stripeErrors.missingApiKey())
  if (!isAcceptedKey(server, apiKey)) return fail(stripeErrors.invalidApiKey(apiKey))

  // The bank answers on its own schedule; any request is a moment to notice that arrival dates passed.
  settleDuePayouts(ctx)

  const match = matchRoute(input.method, input.path)
  if (!match) return fail(stripeErrors.unrecognizedUrl(input.method, input.path))
  if (account !== null && !ctx.store.accounts.has(account)) return fail(stripeErrors.accountInvalid(account))

  const decoded = decodeForm(input.method === 'GET' ? input.query : input.body)
  if (!decoded.ok) return fail(stripeErrors.invalidParam(decoded.param, `Invalid parameter name: ${decoded.param}`))
  if (idempotencyKey !== null && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) return fail(stripeErrors.idempotencyKeyTooLong())

  const scope: IdempotencyScope | null = idempotencyKey === null ? null : { apiKey, account, key: idempotencyKey }
  const endpoint = `${input.method} ${input.path}`
  const fault = server.faults.take(input.method, input.path)
  if (fault?.mode === 'drop') return { kind: 'drop' }
  if (fault?.mode === 'error') {
    const error = stripeErrors.apiError()
    if (scope && fault.persistUnderKey && server.idempotency.lookup(scope, endpoint, decoded.value).kind === 'fresh') {
      server.idempotency.save(scope, endpoint, decoded.value, { status: error.status, body: errorBody(error), requestId })
    }
    return fail(error)
  }

  if (scope) {
    const found = server.idempotency.lookup(scope, endpoint, decoded.value)
    if (found.kind === 'conflict') return fail(found.error)
    if (found.kind === 'replay') {
      if (fault) return fault.mode === 'drop-after-success' ? { kind: 'drop' } : fail(stripeErrors.apiError())
      return {
        kind: 'respond',
        status: found.saved.status,
        body: found.saved.body,
        headers: { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': found.saved.requestId },
      }
    }
  }

  const request: ApiRequest = { method: input.method, path: input.path, pathParams: match.pathParams, params: decoded.value, account, requestId, idempotencyKey }
  const reply = match.handler(ctx, request)
  // Snapshots: later changes to the object (a payout settling) must not leak into a replay or this response.
  const body = structuredClone(reply.body)
  if (scope && reply.persist) server.idempotency.save(scope, endpoint, decoded.value, { status: reply.status, body, requestId })

  if (fault?.mode === 'drop-after-success') return { kind: 'drop' }
  if (fault?.mode === 'error-after-success') return fail(stripeErrors.apiError())
  return { kind: 'respond', status: reply.status, body, headers }
}

/** `Authorization: Bearer sk_test_...`, or Basic with the key as user name (as `curl -u sk_test_...:` sends). */
function bearerKey(header: string | undefined): string | null {
  if (!header) return null
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)
  if (bearer) return bearer[1]!
  const basic = /^Basic\s+(\S+)$/i.exec(header)
  if (basic) {
    const user = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0]
    return user ? user : null
  }
  return null
}

function isAcceptedKey(server: ApiServer, key: string): boolean {
  if (server.apiKeys) return server.apiKeys.includes(key)
  return /^(sk|rk)_test_\S+$/.test(key)
}
