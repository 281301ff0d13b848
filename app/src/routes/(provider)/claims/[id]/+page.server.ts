import { error } from '@sveltejs/kit'
import { ClaimWithTimeline } from '$contracts'
import { providerApiCall } from '$lib/server/provider-api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  const result = await providerApiCall(event, `/api/v1/claims/${encodeURIComponent(event.params.id)}`, ClaimWithTimeline)
  if (!result.ok) {
    const { status, title, detail } = result.problem
    if (status === 404) error(404, 'We could not find this claim. It may belong to another account, or the link is mistyped.')
    error(status >= 400 && status < 600 ? status : 502, detail ?? title)
  }
  return { claim: result.data }
}
