import { PoolDetail } from '$lib/pools/contracts'
import { EXPOSURE_WINDOWS } from '$lib/pools/exposure-chart'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'


function daysFrom(params: URLSearchParams): number {
  const days = Number(params.get('days'))
  return (EXPOSURE_WINDOWS as readonly number[]).includes(days) ? days : 90
}

export const load: PageServerLoad = async (event) => {
  await event.parent()
  const days = daysFrom(event.url.searchParams)
  const result = await apiCall(event, `/api/v1/admin/pools/${encodeURIComponent(event.params.id)}?days=${days}`, PoolDetail)
  if (!result.ok) return { id: event.params.id, days, detail: null, problem: result.problem }
  return { id: event.params.id, days, detail: result.data, problem: null }
}
