import { Team } from '$contracts/identity'
import { providerApiCall } from '$lib/server/provider-api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  const result = await providerApiCall(event, '/api/v1/team', Team)
  if (!result.ok) return { team: null, problem: result.problem }
  return { team: result.data, problem: null }
}
