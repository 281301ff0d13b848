import { Problem } from '$contracts'
import type { z } from 'zod'

/** The outcome of one API call: data parsed with its contract, or the problem the API reported. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem }

/** A problem made up on this side, for failures that never got a problem+json body. */
export function localProblem(status: number, title: string, detail?: string): Problem {
  return { type: 'about:blank', title, status, ...(detail ? { detail } : {}) }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/** Turns any API response into a value: never throws, never trusts the body's shape. */
export async function parseApiResponse<S extends z.ZodType>(
  response: Response,
  schema: S,
): Promise<ApiResult<z.output<S>>> {
  const body = await readJson(response)
  if (!response.ok) {
    const problem = Problem.safeParse(body)
    if (problem.success) return { ok: false, problem: problem.data }
    return { ok: false, problem: localProblem(response.status, response.statusText || 'Request failed') }
  }
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, data: parsed.data }
  return {
    ok: false,
    problem: localProblem(502, 'Unexpected response', 'The server answered in a shape this page does not understand.'),
  }
}
