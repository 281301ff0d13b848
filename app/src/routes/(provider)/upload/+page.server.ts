import { fail } from '@sveltejs/kit'
import { Upload } from '$contracts'
import { localProblem } from '$lib/api/result'
import { providerApiCall } from '$lib/server/provider-api'
import type { Actions } from './$types'

export const actions: Actions = {
  /**
   * Forwards the chosen file to the API in-process; the page works without JavaScript too. The CSRF
   * header the API wants is added by apiFetch from the session's cookie.
   */
  default: async (event) => {
    let form: FormData
    try {
      form = await event.request.formData()
    } catch {
      return fail(400, { problem: localProblem(400, 'The upload could not be read', 'Choose the file again and retry.') })
    }
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { problem: localProblem(400, 'Choose a CSV file to upload', 'The selected file is empty or missing.') })
    }
    const body = new FormData()
    body.set('file', file, file.name)
    const result = await providerApiCall(event, '/api/v1/uploads', Upload, { method: 'POST', body })
    if (!result.ok) {
      const status = result.problem.status >= 400 && result.problem.status < 600 ? result.problem.status : 502
      return fail(status, { problem: result.problem })
    }
    return { upload: result.data }
  },
}
