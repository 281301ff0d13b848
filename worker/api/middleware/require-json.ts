import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { ApiProblem } from '../problem'

/** Without this a body sent as text/plain would skip validation instead of being refused. */
export const requireJson = createMiddleware(async (c, next) => {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiProblem(415, 'unsupported-media-type', 'Send JSON', 'Use Content-Type: application/json.')
  }
  await next()
})

/** One claim is a few kilobytes; anything near a megabyte is not a claim. */
const MAX_JSON_BYTES = 1024 * 1024

export const jsonBodyLimit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw new ApiProblem(413, 'payload-too-large', 'The request body is too large', `A claim is at most ${MAX_JSON_BYTES} bytes of JSON.`)
  },
})
