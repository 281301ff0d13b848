import { z } from 'zod'
import { stripeErrors } from './errors'
import type { StripeError } from './errors'
import type { FormObject, FormValue } from './form-decode'

/**
 * Request parameters are read with zod at the edge and reported the way Stripe reports them: the first
 * problem, named by its bracketed form parameter (`external_account[routing_number]`).
 */

const INVALID_INTEGER = 'stripe-local:invalid-integer'

/** Form values are strings; integers arrive as decimal digits. */
export const integerParam = z
  .string()
  .regex(/^-?\d{1,15}$/, { message: INVALID_INTEGER })
  .transform(Number)

export const amountParam = integerParam.refine((n) => n >= 1, { message: 'This value must be greater than or equal to 1.' })

export const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true')

export const currencyParam = z
  .string()
  .transform((c) => c.toLowerCase())
  .refine((c) => c === 'usd', { message: 'Only usd is supported by this endpoint.' })

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500. */
export const metadataParam = z
  .record(z.string(), z.string())
  .superRefine((m, ctx) => {
    const keys = Object.keys(m)
    if (keys.length > 50) ctx.addIssue({ code: 'custom', message: 'Metadata can have at most 50 keys.' })
    for (const k of keys) {
      if (k.length > 40) ctx.addIssue({ code: 'custom', path: [k], message: 'Metadata keys must be at most 40 characters long.' })
      if (m[k]!.length > 500) ctx.addIssue({ code: 'custom', path: [k], message: 'Metadata values must be at most 500 characters long.' })
    }
  })

/** Accepted and ignored: this endpoint never expands related objects. */
export const expandParam = z.array(z.string()).optional()

export const listParams = {
  limit: integerParam.refine((n) => n >= 1 && n <= 100, { message: 'This value must be between 1 and 100.' }).optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand: expandParam,
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: StripeError }

export function parseParams<S extends z.ZodType>(schema: S, raw: FormObject): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]!
  return { ok: false, error: toStripeError(issue, raw) }
}

function toStripeError(issue: z.core.$ZodIssue, raw: FormObject): StripeError {
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') return stripeErrors.parameterUnknown(bracketed([...path, issue.keys[0]!]))
  const param = bracketed(path)
  const value = valueAt(raw, path)
  if (value === undefined) return stripeErrors.parameterMissing(param)
  if (issue.message === INVALID_INTEGER) return stripeErrors.parameterInvalidInteger(param, typeof value === 'string' ? value : '')
  if (issue.code === 'invalid_type') return stripeErrors.invalidParam(param, `Invalid ${describe(issue.expected)} for ${param}.`)
  if (issue.code === 'invalid_value') {
    return stripeErrors.invalidParam(param, `Invalid ${param}: must be one of ${issue.values.map(String).join(', ')}`)
  }
  return stripeErrors.invalidParam(param, issue.message)
}

function describe(expected: string): string {
  return expected === 'object' || expected === 'record' ? 'hash' : expected === 'array' ? 'array' : 'value'
}

/** ['external_account', 'routing_number'] -> 'external_account[routing_number]' */
export function bracketed(path: string[]): string {
  if (path.length === 0) return ''
  return path[0]! + path.slice(1).map((p) => `[${p}]`).join('')
}

function valueAt(raw: FormObject, path: string[]): FormValue | undefined {
  let node: FormValue | undefined = raw
  for (const key of path) {
    if (node === undefined || typeof node === 'string') return undefined
    node = Array.isArray(node) ? node[Number(key)] : Object.hasOwn(node, key) ? node[key] : undefined
  }
  return node
}
