import { PartnerList } from '$lib/api/identity'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  const result = await apiCall(event, '/api/v1/admin/partners', PartnerList)
  if (!result.ok) return { partners: [], problem: result.problem }
  return { partners: result.data.items, problem: null }
}
