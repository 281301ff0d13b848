import { describe, expect, it } from 'vitest'
import { splitProblem } from './field-errors'

describe('splitProblem', () => {
  const problem = {
    type: 'https://claimpay.dev/problems/validation',
    title: 'The request is not valid',
    status: 400,
    errors: [
      { where: '/email', message: 'is not an email address' },
      { where: '/scopes/1', message: 'is not a scope' },
      { where: '(body)', message: 'is missing a field' },
    ],
  }

  it('places findings next to the fields they name and keeps the others', () => {
    const split = splitProblem(problem, ['email', 'scopes'])
    expect(split.byField).toEqual({ email: 'is not an email address', scopes: 'is not a scope' })
    expect(split.rest?.errors).toEqual([{ where: '(body)', message: 'is missing a field' }])
    expect(split.rest?.title).toBe('The request is not valid')
  })

  it('keeps the title when every finding has a field', () => {
    const split = splitProblem({ ...problem, errors: problem.errors.slice(0, 1) }, ['email'])
    expect(split.rest).toEqual({ type: problem.type, title: problem.title, status: 400 })
  })

  it('has nothing to place without a problem', () => {
    expect(splitProblem(null, ['email'])).toEqual({ byField: {}, rest: null })
  })
})
