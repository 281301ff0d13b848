import { apiCall } from '$lib/server/api'
import { CutRulesView } from './cut-rules'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  const result = await apiCall(event, '/api/v1/admin/cut-rules', CutRulesView)
  if (!result.ok) return { rules: null, problem: result.problem }
  return { rules: result.data, problem: null }
}
