import { OutboxList } from '$lib/api/identity'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  const result = await apiCall(event, '/api/v1/dev/outbox', OutboxList)
  // The route exists only while development tools are switched on; otherwise the API answers 404.
  if (!result.ok) return { available: result.problem.status !== 404, emails: [], problem: result.problem }
  const emails = [...result.data.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  return { available: true, emails, problem: null }
}
