import { error } from '@sveltejs/kit'
import { AdminMe } from '$lib/api/identity'
import { apiCall } from '$lib/server/api'
import type { LayoutServerLoad } from './$types'

/**
 * Staff pages sit behind Cloudflare Access, not behind provider accounts: a refusal is shown as an
 * error page, never sent to the provider sign-in (which could not help and would loop).
 */
export const load: LayoutServerLoad = async (event) => {
  const result = await apiCall(event, '/api/v1/admin/me', AdminMe)
  if (!result.ok) {
    const { status, title, detail } = result.problem
    if (status === 401 || status === 403) error(403, 'ClaimPay staff only. Sign in through the company’s access gateway to use these pages.')
    error(status >= 400 && status < 600 ? status : 502, detail ?? title)
  }
  return { admin: result.data }
}
