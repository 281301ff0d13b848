import { ReconciliationItemDetail, ReconciliationPage, RemittancePage } from '$contracts/reconciliation'
import { itemsApiPath, listStateFrom, remittancesApiPath } from '$lib/reconciliation/list-query'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

const PAGE_SIZE = 25

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  const state = listStateFrom(event.url.searchParams)
  if (state.view === 'remittances') {
    const remittances = await apiCall(event, remittancesApiPath(state.cursor, PAGE_SIZE), RemittancePage)
    return {
      state,
      page: null,
      remittances: remittances.ok ? remittances.data : null,
      detail: null,
      problem: remittances.ok ? null : remittances.problem,
      detailProblem: null,
    }
  }
  const [page, detail] = await Promise.all([
    apiCall(event, itemsApiPath(state, PAGE_SIZE), ReconciliationPage),
    state.item ? apiCall(event, `/api/v1/admin/reconciliation/${encodeURIComponent(state.item)}`, ReconciliationItemDetail) : null,
  ])
  return {
    state,
    page: page.ok ? page.data : null,
    remittances: null,
    detail: detail?.ok ? detail.data : null,
    problem: page.ok ? null : page.problem,
    detailProblem: detail && !detail.ok ? detail.problem : null,
  }
}
