import type { ApiList } from './objects'

export type ListParams = { limit?: number; starting_after?: string; ending_before?: string }

/**
 * Stripe's cursor pagination over newest-first lists. An unknown cursor yields an empty page rather
 * than an error; Stripe answers 400 there, and the product never sends one.
 */
export function paginate<T extends { id: string }>(newestFirst: T[], params: ListParams, url: string): ApiList<T> {
  const limit = params.limit ?? 10
  let window = newestFirst
  if (params.starting_after) {
    const i = window.findIndex((o) => o.id === params.starting_after)
    window = i < 0 ? [] : window.slice(i + 1)
  } else if (params.ending_before) {
    const i = window.findIndex((o) => o.id === params.ending_before)
    const before = i < 0 ? [] : window.slice(0, i)
    window = before.slice(Math.max(0, before.length - limit))
    return { object: 'list', data: window, has_more: before.length > limit, url }
  }
  return { object: 'list', data: window.slice(0, limit), has_more: window.length > limit, url }
}

/** Insertion order is creation order; newest first is its reverse. */
export function newestFirst<T>(values: Iterable<T>): T[] {
  return [...values].reverse()
}
