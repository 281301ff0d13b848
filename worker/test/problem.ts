import { expect } from 'vitest'
import { Problem } from '../contracts'

/** Asserts an RFC 9457 answer with this status and returns its parsed body. */
export async function expectProblem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  return Problem.parse(await res.json())
}
