import { PartnerList } from '$lib/api/identity'
import { PoolList } from '$lib/pools/contracts'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  const partnerId = event.url.searchParams.get('partner')
  const [pools, partners] = await Promise.all([apiCall(event, '/api/v1/admin/pools', PoolList), apiCall(event, '/api/v1/admin/partners', PartnerList)])
  const partnerChoices = partners.ok ? partners.data.items.map((p) => ({ id: p.id, name: p.name })) : []
  const partner = partnerChoices.find((p) => p.id === partnerId) ?? null
  if (!pools.ok) return { pools: [], waiting: null, shortage: null, partner, partners: partnerChoices, problem: pools.problem }
  const items = partner ? pools.data.items.filter((p) => p.partnerId === partner.id) : pools.data.items
  return { pools: items, waiting: pools.data.waiting, shortage: pools.data.shortage, partner, partners: partnerChoices, problem: null }
}
