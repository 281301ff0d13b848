import { DEMO_PROVIDER_ID } from '$contracts'
import type { LayoutServerLoad } from './$types'

/** Mirrors the Worker's development-only provider selection (worker/api/middleware/principal.ts). */
export const load: LayoutServerLoad = ({ platform, cookies }) => {
  const env = platform?.env
  const devMode = env?.DEV_DEMO_PROVIDER === 'true' && env.ENVIRONMENT !== 'production'
  return { devProvider: devMode ? (cookies.get('dev_provider') ?? DEMO_PROVIDER_ID) : null }
}
