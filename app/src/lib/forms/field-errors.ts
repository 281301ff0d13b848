import type { Problem } from '$contracts'

export type SplitProblem = {
  /** The first message for each form field, keyed by the field's name in the request body. */
  byField: Record<string, string>
  /** The problem with the findings that were placed next to fields taken out; null if none. */
  rest: Problem | null
}

/** The body member a finding is about: "/email" and "/scopes/0" name "email" and "scopes". */
function fieldOf(where: string): string {
  return where.replace(/^\//, '').split('/')[0] ?? ''
}

/** Puts each of a problem's findings next to the field it names; the rest stay with the problem. */
export function splitProblem(problem: Problem | null, fields: readonly string[]): SplitProblem {
  if (!problem) return { byField: {}, rest: null }
  const byField: Record<string, string> = {}
  const others: NonNullable<Problem['errors']> = []
  for (const error of problem.errors ?? []) {
    const field = fieldOf(error.where)
    if (fields.includes(field)) byField[field] ??= error.message
    else others.push(error)
  }
  const { errors: _placed, ...head } = problem
  return { byField, rest: others.length ? { ...head, errors: others } : head }
}
