export type AuditFilters = { action: string; providerId: string }

export function auditFiltersFromUrl(params: URLSearchParams): AuditFilters {
  return { action: params.get('action')?.trim() ?? '', providerId: params.get('providerId')?.trim() ?? '' }
}

/** The query for both the page URL and the API: empty filters are left out so links stay short. */
export function auditQuery(filters: AuditFilters, cursor?: string | null): URLSearchParams {
  const query = new URLSearchParams()
  if (filters.action) query.set('action', filters.action)
  if (filters.providerId) query.set('providerId', filters.providerId)
  if (cursor) query.set('cursor', cursor)
  return query
}
