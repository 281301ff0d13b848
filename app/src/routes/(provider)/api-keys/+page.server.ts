import { ApiKeyList } from '$lib/api/identity'
import { can } from '$lib/auth/permissions'
import { providerApiCall } from '$lib/server/provider-api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent()
  if (!can(me, 'api-keys:manage')) return { keys: [], problem: null, allowed: false }
  const result = await providerApiCall(event, '/api/v1/api-keys', ApiKeyList)
  if (!result.ok) return { keys: [], problem: result.problem, allowed: true }
  return { keys: result.data.items, problem: null, allowed: true }
}
