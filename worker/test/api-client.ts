import { SELF } from 'cloudflare:test'
import type { ClaimInput } from '../contracts'
import type { Role } from '../identity'
import { claimFixture } from './claim-fixture'
import { sessionHeaders, signedInAs } from './sessions'

/** A provider id unique to one test, so tests never see each other's claims (queues run in the background). */
export function testProvider(): string {
  return `prv_t${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
}

/** A request to the API as a signed-in member of `provider` (an admin unless `role` says otherwise). */
export async function api(path: string, provider: string, init: RequestInit = {}, role: Role = 'admin'): Promise<Response> {
  const headers = sessionHeaders(await signedInAs(provider, role), init.headers)
  return SELF.fetch(`https://claimpay.test/api/v1${path}`, { ...init, headers })
}

/** A request with no credentials at all. */
export function anonymous(path: string, init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(`https://claimpay.test/api/v1${path}`, init)
}

export function postJson(path: string, provider: string, body: unknown): Promise<Response> {
  return api(path, provider, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** The claim fixture with a unique number and a recent service date, ready for the API. */
export function sampleClaim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const serviceDate = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)
  return claimFixture({ claimNumber: `T-${crypto.randomUUID().slice(0, 8)}`, serviceDate, ...overrides })
}

/** Polls until `check` returns a value, for work the queues do in the background. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, attempts = 600): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check()
    if (value) return value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`gave up waiting for ${what}`)
}
