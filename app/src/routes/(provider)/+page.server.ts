import { ClaimPage } from '$contracts'
import { rowFromClaim } from '$lib/claims/claim-row'
import { providerApiCall } from '$lib/server/provider-api'
import type { PageServerLoad } from './$types'

/** Kept in step with the page, which trims live inserts to the same length. */
const LATEST_LIMIT = 10

export const load: PageServerLoad = async (event) => {
  const result = await providerApiCall(event, `/api/v1/claims?limit=${LATEST_LIMIT}`, ClaimPage)
  // The dashboard still works (counters arrive live) when the list fails: the table shows the problem.
  if (!result.ok) return { latest: [], latestProblem: result.problem }
  return { latest: result.data.items.map(rowFromClaim), latestProblem: null }
}
