// The SvelteKit app, built by adapter-cloudflare into app/.svelte-kit/cloudflare (`npm run build`).
import kit from '../../app/.svelte-kit/cloudflare/_worker.js'

/** What the Worker hands SvelteKit besides its bindings: the API, called in-process. */
export type ApiFetcher = { fetch(request: Request): Promise<Response> }

export function renderPage(request: Request, env: Env, ctx: ExecutionContext, api: ApiFetcher): Promise<Response> {
  return kit.fetch(request, { ...env, API: api }, ctx)
}
