import { redirect, type RequestEvent } from '@sveltejs/kit'
import type { z } from 'zod'
import type { ApiResult } from '$lib/api/result'
import { sessionRedirect } from '$lib/auth/session'
import { apiCall } from './api'

/**
 * `apiCall` for the provider pages: an answer that means "signed out" or "set up a second factor
 * first" sends the browser there instead of reaching the page as a problem.
 */
export async function providerApiCall<S extends z.ZodType>(
  event: RequestEvent,
  path: string,
  schema: S,
  init?: Parameters<typeof apiCall>[3],
): Promise<ApiResult<z.output<S>>> {
  const result = await apiCall(event, path, schema, init)
  if (!result.ok) {
    const target = sessionRedirect(result.problem, event.url)
    if (target) redirect(303, target)
  }
  return result
}
