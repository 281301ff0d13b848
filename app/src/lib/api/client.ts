import { ClaimPage, ClaimWithTimeline, UploadWithProgress } from '$contracts'
import type { z } from 'zod'
import { localProblem, parseApiResponse, type ApiResult } from './result'
import type { ClaimPage as ClaimPageT, ClaimWithTimeline as ClaimWithTimelineT, UploadWithProgress as UploadWithProgressT } from '$contracts'

/** Browser-side reads of the same-origin API (the session cookie goes along). */
async function get<T>(path: string, parse: (r: Response) => Promise<ApiResult<T>>, signal?: AbortSignal) {
  try {
    const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal })
    return await parse(response)
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    return { ok: false, problem: localProblem(0, 'Network error', 'Check your connection and try again.') } as const
  }
}

export function fetchClaim(id: string, signal?: AbortSignal): Promise<ApiResult<ClaimWithTimelineT>> {
  return get(`/api/v1/claims/${encodeURIComponent(id)}`, (r) => parseApiResponse(r, ClaimWithTimeline), signal)
}

export function fetchClaimPage(query: URLSearchParams, signal?: AbortSignal): Promise<ApiResult<ClaimPageT>> {
  return get(`/api/v1/claims?${query}`, (r) => parseApiResponse(r, ClaimPage), signal)
}

export function fetchUpload(id: string, signal?: AbortSignal): Promise<ApiResult<UploadWithProgressT>> {
  return get(`/api/v1/uploads/${encodeURIComponent(id)}`, (r) => parseApiResponse(r, UploadWithProgress), signal)
}

/** Any same-origin GET, parsed with its contract. */
export function fetchParsed<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<ApiResult<z.output<S>>> {
  return get(path, (r) => parseApiResponse(r, schema), signal)
}
