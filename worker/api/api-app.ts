import { OpenAPIHono, type z } from '@hono/zod-openapi'
import { Problem } from '../contracts'
import type { ApiVariables } from './middleware/context'
import { ApiProblem } from './problem'

export type ApiEnv = { Bindings: Env; Variables: ApiVariables }

/** A router whose validation failures become 400 problem+json listing each field that is wrong. */
export function apiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          where: issue.path.length ? `/${issue.path.join('/')}` : '(body)',
          message: issue.message,
        }))
        throw new ApiProblem(400, 'validation-failed', 'The request is not valid', `${errors.length} problem(s) found.`, errors)
      }
    },
  })
}

/** An error response in the OpenAPI description: every failure is a problem document. */
export function problemDoc(description: string) {
  return { description, content: { 'application/problem+json': { schema: Problem } } }
}

/** A required JSON request body in a route definition. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { body: { required: true, content: { 'application/json': { schema } } } }
}

/** A JSON success response in a route definition. */
export function jsonOk<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } }
}
