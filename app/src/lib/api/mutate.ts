import { z } from 'zod'
import type { Problem } from '$contracts'
import { CSRF_HEADER, readCsrfCookie } from './csrf'
import { localProblem, parseApiResponse } from './result'

export type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** An ApiResult that also says when a refused (429) request may be tried again. */
export type SendResult<T> = { ok: true; data: T } | { ok: false; problem: Problem; retryAfterSeconds: number | null }

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after')
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

/**
 * Every state-changing call from the browser goes through here: the session cookies go along, so the
 * API asks for the CSRF cookie's value echoed in a header, which another site cannot read to forge.
 * Without a schema the answer's body is not looked at (most of these answer 204).
 */
export async function send<S extends z.ZodType = z.ZodUnknown>(
  method: Method,
  path: string,
  body?: unknown,
  schema?: S,
): Promise<SendResult<z.output<S>>> {
  const headers = new Headers({ accept: 'application/json' })
  if (body !== undefined) headers.set('content-type', 'application/json')
  const csrf = typeof document === 'undefined' ? null : readCsrfCookie(document.cookie)
  if (csrf) headers.set(CSRF_HEADER, csrf)
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    return { ok: false, problem: localProblem(0, 'Network error', 'Check your connection and try again.'), retryAfterSeconds: null }
  }
  const result = await parseApiResponse(response, schema ?? z.unknown())
  if (result.ok) return { ok: true, data: result.data as z.output<S> }
  return { ok: false, problem: result.problem, retryAfterSeconds: retryAfter(response) }
}
