import { AuditPage } from '$contracts/identity'
import { apiCall } from '$lib/server/api'
import { auditQuery, auditFiltersFromUrl } from './audit-query'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  const filters = auditFiltersFromUrl(event.url.searchParams)
  const cursor = event.url.searchParams.get('cursor')
  const result = await apiCall(event, `/api/v1/admin/audit?${auditQuery(filters, cursor)}`, AuditPage)
  if (!result.ok) return { filters, cursor, entries: [], nextCursor: null, problem: result.problem }
  return { filters, cursor, entries: result.data.items, nextCursor: result.data.nextCursor, problem: null }
}
