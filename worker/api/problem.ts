import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Problem } from '../contracts'

type Finding = { where: string; message: string }

/**
 * An expected failure that ends a request: it carries its status and a problem type slug. Routes
 * turn domain outcomes (`{ ok: false, reason }`) into these; `onError` is the one place that renders them.
 */
export class ApiProblem extends Error {
  override name = 'ApiProblem'
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 426 | 429 | 503,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Finding[],
  ) {
    super(title)
  }
}

export function problemBody(status: number, slug: string, title: string, detail?: string, errors?: Finding[]): Problem {
  return {
    type: `https://claimpay.dev/problems/${slug}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  }
}

export function problemResponse(body: Problem): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json' },
  })
}

/** The one mapping from errors to HTTP. Unexpected errors are logged by name only: never PHI, never a stack in a response. */
export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiProblem) {
    return problemResponse(problemBody(error.status, error.slug, error.title, error.detail, error.errors))
  }
  if (error instanceof HTTPException) {
    const status = error.status
    if (status === 413) return problemResponse(problemBody(413, 'payload-too-large', 'The request body is too large'))
    const title = status === 400 && /json/i.test(error.message) ? 'The request body is not valid JSON' : error.message || 'Bad request'
    return problemResponse(problemBody(status, status === 400 ? 'bad-request' : 'http-error', title))
  }
  console.error(JSON.stringify({ level: 'error', at: 'api', error: error.name, path: new URL(c.req.url).pathname }))
  return problemResponse(problemBody(500, 'internal-error', 'Something went wrong on our side', 'The error has been logged; nothing was changed by this request.'))
}

export function notFound(c: Context): Response {
  return problemResponse(problemBody(404, 'not-found', 'No such endpoint', `${c.req.method} ${new URL(c.req.url).pathname} does not exist.`))
}
