import { createMiddleware } from 'hono/factory'
import { ApiProblem } from '../problem'

/** Without this a body sent as text/plain would skip validation instead of being refused. */
export const requireJson = createMiddleware(async (c, next) => {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiProblem(415, 'unsupported-media-type', 'Send JSON', 'Use Content-Type: application/json.')
  }
  await next()
})
