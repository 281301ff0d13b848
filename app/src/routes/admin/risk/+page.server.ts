import { RiskModelPage, RiskThreshold } from '$contracts'
import { registryOverview, RISK_MODELS_DEPENDENCY } from '$lib/risk/registry-overview'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

const PAGE_SIZE = 20
/**
 * The newest models, enough to find the active one and the one a rollback would restore: models are
 * activated in version order, so both sit near the top of the registry.
 */
const NEWEST = 100

function beforeFrom(params: URLSearchParams): number | null {
  const before = Number(params.get('before'))
  return Number.isInteger(before) && before > 0 ? before : null
}

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  event.depends(RISK_MODELS_DEPENDENCY)
  const before = beforeFrom(event.url.searchParams)
  const [newest, older, threshold] = await Promise.all([
    apiCall(event, `/api/v1/admin/risk/models?limit=${NEWEST}`, RiskModelPage),
    // On the first page the newest models are the page, and one call does for both.
    before === null ? null : apiCall(event, `/api/v1/admin/risk/models?limit=${PAGE_SIZE}&before=${before}`, RiskModelPage),
    apiCall(event, '/api/v1/admin/risk/threshold', RiskThreshold),
  ])
  const overview = newest.ok ? registryOverview(newest.data.items) : registryOverview([])
  const thresholdValue = threshold.ok ? threshold.data.threshold : null
  const thresholdProblem = threshold.ok ? null : threshold.problem

  if (older) {
    if (!older.ok) return { before, models: [], nextBefore: null, problem: older.problem, overview, threshold: thresholdValue, thresholdProblem }
    return { before, models: older.data.items, nextBefore: older.data.nextBefore, problem: null, overview, threshold: thresholdValue, thresholdProblem }
  }
  if (!newest.ok) return { before, models: [], nextBefore: null, problem: newest.problem, overview, threshold: thresholdValue, thresholdProblem }
  const models = newest.data.items.slice(0, PAGE_SIZE)
  const nextBefore = newest.data.items.length > PAGE_SIZE ? models.at(-1)!.version : newest.data.nextBefore
  return { before, models, nextBefore, problem: null, overview, threshold: thresholdValue, thresholdProblem }
}
