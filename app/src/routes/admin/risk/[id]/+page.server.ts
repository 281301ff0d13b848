import { error } from '@sveltejs/kit'
import { RiskFeature, RiskModel } from '$contracts'
import { z } from 'zod'
import { RISK_MODELS_DEPENDENCY } from '$lib/risk/registry-overview'
import { apiCall } from '$lib/server/api'
import type { PageServerLoad } from './$types'

const FeatureCatalogue = z.object({ items: z.array(RiskFeature) })

export const load: PageServerLoad = async (event) => {
  // The layout refuses non-staff; waiting for it spares the API a call that would be refused too.
  await event.parent()
  event.depends(RISK_MODELS_DEPENDENCY)
  const [model, features] = await Promise.all([
    apiCall(event, `/api/v1/admin/risk/models/${encodeURIComponent(event.params.id)}`, RiskModel),
    apiCall(event, '/api/v1/admin/risk/features', FeatureCatalogue),
  ])
  if (!model.ok) {
    const { status, title, detail } = model.problem
    error(status >= 400 && status < 600 ? status : 502, detail ?? title)
  }
  // Without the catalogue the bars still show; only their descriptions are missing.
  return { model: model.data, features: features.ok ? features.data.items : [] }
}
