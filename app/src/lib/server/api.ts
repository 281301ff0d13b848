import type { RequestEvent } from '@sveltejs/kit'
import type { z } from 'zod'
import { localProblem, parseApiResponse, type ApiResult } from '$lib/api/result'

/** Headers that carry who is asking; everything else stays behind. */
const FORWARDED_HEADERS = ['cookie', 'x-dev-provider', 'accept-language'] as const

type ApiInit = { method?: string; body?: BodyInit; headers?: Record<string, string> }

/**
 * Calls the API in-process through the Worker's `API` member (no network hop, same Worker). Under
 * `vite dev` there is no such member, so it falls back to `event.fetch`.
 */
export async function apiFetch(event: RequestEvent, path: string, init: ApiInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  for (const name of FORWARDED_HEADERS) {
    const value = event.request.headers.get(name)
    if (value) headers.set(name, value)
  }
  const requestInit: RequestInit = { method: init.method ?? 'GET', headers, body: init.body }
  const api = event.platform?.env?.API
  if (api) return api.fetch(new Request(new URL(path, event.url), requestInit))
  return event.fetch(path, requestInit)
}

/** Calls the API and parses the answer with the shared contract; failures come back as values. */
export async function apiCall<S extends z.ZodType>(
  event: RequestEvent,
  path: string,
  schema: S,
  init?: ApiInit,
): Promise<ApiResult<z.output<S>>> {
  try {
    return await parseApiResponse(await apiFetch(event, path, init), schema)
  } catch {
    return { ok: false, problem: localProblem(503, 'Service unavailable', 'The claims service could not be reached.') }
  }
}
