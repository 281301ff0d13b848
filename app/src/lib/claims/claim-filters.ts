import { ClaimStatus } from '$contracts'
import type { ClaimStatus as ClaimStatusT } from '$contracts'

/** The claims filters as the page's URL carries them (and as the form edits them). */
export interface ClaimFilters {
  statuses: ClaimStatusT[]
  from: string
  to: string
  q: string
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads filters from the page URL. `status` may repeat (a plain GET form) or be comma-separated (the
 * API's form); unknown values are dropped rather than failing the page.
 */
export function filtersFromUrl(params: URLSearchParams): ClaimFilters {
  const statuses = params
    .getAll('status')
    .flatMap((s) => s.split(','))
    .flatMap((s) => {
      const parsed = ClaimStatus.safeParse(s.trim())
      return parsed.success ? [parsed.data] : []
    })
  const date = (name: string) => {
    const value = params.get(name) ?? ''
    return ISO_DATE.test(value) ? value : ''
  }
  return { statuses: [...new Set(statuses)], from: date('from'), to: date('to'), q: (params.get('q') ?? '').trim().slice(0, 100) }
}

/** The API query for these filters (GET /api/v1/claims). */
export function apiQuery(filters: ClaimFilters, cursor?: string | null, limit = 50): URLSearchParams {
  const query = new URLSearchParams()
  if (filters.statuses.length) query.set('status', filters.statuses.join(','))
  if (filters.from) query.set('from', filters.from)
  if (filters.to) query.set('to', filters.to)
  if (filters.q) query.set('q', filters.q)
  if (cursor) query.set('cursor', cursor)
  query.set('limit', String(limit))
  return query
}

/** The page URL's query for these filters, in the API's comma form so links stay short. */
export function pageQuery(filters: ClaimFilters, cursor?: string | null): URLSearchParams {
  const query = apiQuery(filters, cursor)
  query.delete('limit')
  return query
}

export function hasFilters(filters: ClaimFilters): boolean {
  return filters.statuses.length > 0 || Boolean(filters.from || filters.to || filters.q)
}
