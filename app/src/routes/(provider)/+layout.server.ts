import { error, redirect } from '@sveltejs/kit'
import { Me } from '$contracts/identity'
import { SECURITY_PATH } from '$lib/auth/session'
import { providerApiCall } from '$lib/server/provider-api'
import type { LayoutServerLoad } from './$types'

/** Every provider page needs a signed-in member: who they are, and what they may do, for the nav. */
export const load: LayoutServerLoad = async (event) => {
  const result = await providerApiCall(event, '/api/v1/auth/me', Me)
  if (!result.ok) {
    const { status, title, detail } = result.problem
    error(status >= 400 && status < 600 ? status : 502, detail ?? title)
  }
  const me = result.data
  // An owner's account is not usable until it has a second factor; the API refuses the rest anyway.
  if (me.mfaEnrollmentRequired && event.url.pathname !== SECURITY_PATH) redirect(303, SECURITY_PATH)
  return { me }
}
