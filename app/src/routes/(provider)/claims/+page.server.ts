import { ClaimPage } from '$contracts'
import { apiQuery, filtersFromUrl } from '$lib/claims/claim-filters'
import { rowFromClaim } from '$lib/claims/claim-row'
import { providerApiCall } from '$lib/server/provider-api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  const filters = filtersFromUrl(event.url.searchParams)
  const cursor = event.url.searchParams.get('cursor')
  const result = await providerApiCall(event, `/api/v1/claims?${apiQuery(filters, cursor)}`, ClaimPage)
  if (!result.ok) return { filters, cursor, rows: [], nextCursor: null, problem: result.problem }
  return {
    filters,
    cursor,
    rows: result.data.items.map(rowFromClaim),
    nextCursor: result.data.nextCursor,
    problem: null,
  }
}
