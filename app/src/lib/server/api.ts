import type { RequestEvent } from '@sveltejs/kit'
import type { z } from 'zod'
import { CSRF_COOKIE, CSRF_HEADER } from '$lib/api/csrf'
import { localProblem, parseApiResponse, type ApiResult } from '$lib/api/result'
import { parseSetCookie } from './set-cookie'

/**
 * Headers that carry who is asking; everything else stays behind. Cloudflare Access puts its assertion
 * on every request it lets through, and the admin API checks it again.
 */
const FORWARDED_HEADERS = ['cf-access-jwt-assertion', CSRF_HEADER, 'accept-language'] as const

/** Cookies the API may renew while answering; a later call in the same request must send the new ones. */
const SESSION_COOKIES = ['cp_at', 'cp_rt', CSRF_COOKIE] as const

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type ApiInit = { method?: string; body?: BodyInit; headers?: Record<string, string> }

function cookieHeader(event: RequestEvent): string | null {
  const session = new Set<string>(SESSION_COOKIES)
  const pairs = (event.request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part && !session.has(part.slice(0, part.indexOf('=')).trim()))
  for (const name of SESSION_COOKIES) {
    const value = event.cookies.get(name, { decode: (v) => v })
    if (value) pairs.push(`${name}=${value}`)
  }
  return pairs.length ? pairs.join('; ') : null
}

/**
 * The in-process API answers straight to this server, not to the browser: cookies it sets (a renewed
 * session) would be lost, and a rotated refresh token with them, unless they are passed on.
 */
function relayCookies(event: RequestEvent, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const cookie = parseSetCookie(header)
    if (cookie) event.cookies.set(cookie.name, cookie.value, { ...cookie.options, encode: (v) => v })
  }
}

/**
 * Calls the API in-process through the Worker's `API` member (no network hop, same Worker). Under
 * `vite dev` there is no such member, so it falls back to `event.fetch` (which applies cookies itself).
 */
export async function apiFetch(event: RequestEvent, path: string, init: ApiInit = {}): Promise<Response> {
  const method = init.method ?? 'GET'
  const headers = new Headers(init.headers)
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  for (const name of FORWARDED_HEADERS) {
    const value = event.request.headers.get(name)
    if (value) headers.set(name, value)
  }
  const cookie = cookieHeader(event)
  if (cookie) headers.set('cookie', cookie)
  if (!SAFE_METHODS.has(method) && event.request.method === 'POST' && !headers.has(CSRF_HEADER)) {
    // A form action: SvelteKit has already refused it unless it came from this origin, and an HTML
    // form cannot set the header the API's double-submit check reads, so it is added here.
    const token = event.cookies.get(CSRF_COOKIE)
    if (token) headers.set(CSRF_HEADER, token)
  }
  const requestInit: RequestInit = { method, headers, body: init.body }
  const api = event.platform?.env?.API
  if (!api) return event.fetch(path, requestInit)
  const response = await api.fetch(new Request(new URL(path, event.url), requestInit))
  relayCookies(event, response)
  return response
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
