/**
 * Headers on every response. Pages get their Content-Security-Policy from SvelteKit (which hashes its
 * own inline scripts, see app/svelte.config.js); API answers are data, never documents, so theirs
 * allows nothing at all.
 */
const COMMON: Record<string, string> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
/** For pages whose CSP SvelteKit did not set (static assets, errors before rendering). */
const FALLBACK_PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"

export function withSecurityHeaders(response: Response, kind: 'api' | 'page'): Response {
  // Upgraded WebSockets and immutable responses cannot take new headers.
  if (response.status === 101 || response.webSocket) return response
  const secured = new Response(response.body, response)
  for (const [name, value] of Object.entries(COMMON)) secured.headers.set(name, value)
  if (kind === 'api') secured.headers.set('content-security-policy', API_CSP)
  else if (!secured.headers.has('content-security-policy')) secured.headers.set('content-security-policy', FALLBACK_PAGE_CSP)
  if (kind === 'api') secured.headers.set('cache-control', secured.headers.get('cache-control') ?? 'no-store')
  return secured
}
