/**
 * Stripe's v1 error body (`{ error: { type, code, message, param } }`) and the status each one comes
 * with. The SDK picks its error class from the status and `type` (400/404 + idempotency_error ->
 * StripeIdempotencyError, 400/404 -> StripeInvalidRequestError, 401, 403, 5xx -> StripeAPIError), so both
 * must match what Stripe sends.
 */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error'

export type StripeError = {
  status: number
  type: StripeErrorType
  message: string
  code?: string
  param?: string
}

export function errorBody(e: StripeError): { error: Omit<StripeError, 'status'> } {
  const { status: _status, ...error } = e
  return { error }
}

export const stripeErrors = {
  missingApiKey: (): StripeError => ({
    status: 401,
    type: 'invalid_request_error',
    message:
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
  }),
  invalidApiKey: (key: string): StripeError => ({
    status: 401,
    type: 'invalid_request_error',
    code: 'api_key_invalid',
    message: `Invalid API Key provided: ${redactKey(key)}`,
  }),
  accountInvalid: (account: string): StripeError => ({
    status: 403,
    type: 'invalid_request_error',
    code: 'account_invalid',
    message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  }),
  unrecognizedUrl: (method: string, path: string): StripeError => ({
    status: 404,
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}).`,
  }),
  resourceMissing: (noun: string, id: string, param = 'id'): StripeError => ({
    status: 404,
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such ${noun}: '${id}'`,
  }),
  parameterMissing: (param: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_missing',
    param,
    message: `Missing required param: ${param}.`,
  }),
  parameterUnknown: (param: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_unknown',
    param,
    message: `Received unknown parameter: ${param}`,
  }),
  parameterInvalidInteger: (param: string, value: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    code: 'parameter_invalid_integer',
    param,
    message: `Invalid integer: ${value}`,
  }),
  invalidParam: (param: string, message: string, code?: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    param,
    message,
    ...(code ? { code } : {}),
  }),
  invalidRequest: (message: string, code?: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    message,
    ...(code ? { code } : {}),
  }),
  balanceInsufficient: (message: string): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    code: 'balance_insufficient',
    message,
  }),
  idempotencyParamsMismatch: (key: string): StripeError => ({
    status: 400,
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  }),
  idempotencyEndpointMismatch: (key: string, first: string, now: string): StripeError => ({
    status: 400,
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first}' vs '${now}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  }),
  idempotencyKeyTooLong: (): StripeError => ({
    status: 400,
    type: 'invalid_request_error',
    message: 'Idempotency keys can be at most 255 characters long.',
  }),
  apiError: (): StripeError => ({
    status: 500,
    type: 'api_error',
    message: 'An unknown error occurred while processing your request.',
  }),
  bodyTooLarge: (): StripeError => ({
    status: 413,
    type: 'invalid_request_error',
    message: 'The request body is too large.',
  }),
}

/** Keys show their last four characters only, as Stripe's own messages do. */
function redactKey(key: string): string {
  return key.length <= 4 ? '****' : `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
}
