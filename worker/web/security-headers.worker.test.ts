import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ORIGIN } from '../test/identity-helpers'

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{8,}; includeSubDomains/)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

describe('security headers', () => {
  it('puts a deny-everything CSP and no caching on API answers, successes and refusals alike', async () => {
    for (const res of [await SELF.fetch(`${ORIGIN}/api/v1/health`), await SELF.fetch(`${ORIGIN}/api/v1/claims`), await SELF.fetch(`${ORIGIN}/api/v1/no-such-route`)]) {
      expectCommonHeaders(res)
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('gives pages a CSP that forbids framing', async () => {
    const res = await SELF.fetch(`${ORIGIN}/login`)
    expect(res.status).toBeLessThan(500)
    expectCommonHeaders(res)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain("'unsafe-eval'")
  })

  it('refuses admin pages with the same headers', async () => {
    const res = await SELF.fetch(`${ORIGIN}/admin`)
    expect(res.status).toBe(401)
    expectCommonHeaders(res)
  })
})

describe('CORS', () => {
  it('grants no cross-origin access to an origin outside the allowlist', async () => {
    const origin = 'https://evil.example'
    const simple = await SELF.fetch(`${ORIGIN}/api/v1/health`, { headers: { origin } })
    expect(simple.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await SELF.fetch(`${ORIGIN}/api/v1/claims`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf-token' },
    })
    // Without Allow-Origin the browser refuses the call whatever else the answer says.
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})
