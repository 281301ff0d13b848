import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { generateDemoClaimInputs } from '../../generator'
import { identityDeps, roleGrants, type Permission, type Role } from '../../identity'
import { newSession } from '../../identity/session/sessions'
import { writeClaimsCsv } from '../../ingest'
import { sampleClaim, testProvider } from '../../test/api-client'
import { adminHeaders, call, CookieJar, freshEmail, freshIp, GOOD_PASSWORD, jarOf } from '../../test/identity-helpers'
import { signedInAs } from '../../test/sessions'

/**
 * Who may call what. Every route the API describes must be listed here, so a new route cannot ship
 * without someone deciding its guard; the tests below then hold each route to its class.
 */
type Guard = 'public' | 'dev' | 'user-only' | 'admin' | `provider:${Permission}` | 'partner:any' | 'partner:portfolio:read'

type Body = { json?: unknown; headers?: Record<string, string>; body?: string }

type RouteSpec = { guard: Guard; body?: () => Body }

const json = (value: unknown) => () => ({ json: value })
const csv = () => ({ headers: { 'content-type': 'text/csv' }, body: '' })

const ROUTES: Record<string, RouteSpec> = {
  'GET /health': { guard: 'public' },
  'POST /auth/signup': { guard: 'public', body: json({}) },
  'POST /auth/verify-email': { guard: 'public', body: json({}) },
  'POST /auth/login': { guard: 'public', body: json({}) },
  'POST /auth/login/mfa': { guard: 'public', body: json({}) },
  'POST /auth/password-reset': { guard: 'public', body: json({}) },
  'POST /auth/password-reset/confirm': { guard: 'public', body: json({}) },
  'POST /auth/invites/accept': { guard: 'public', body: json({}) },

  'GET /auth/me': { guard: 'user-only' },
  'POST /auth/logout': { guard: 'user-only' },
  'POST /auth/logout-all': { guard: 'user-only' },
  'POST /auth/password': { guard: 'user-only', body: json({ currentPassword: 'Not-The-Password-123', newPassword: GOOD_PASSWORD }) },
  'POST /auth/totp/enroll': { guard: 'user-only' },
  'POST /auth/totp/confirm': { guard: 'user-only', body: json({ code: '000000' }) },

  'GET /team': { guard: 'provider:team:read' },
  'POST /team/invites': { guard: 'provider:team:manage', body: () => ({ json: { email: freshEmail('matrix'), role: 'viewer' } }) },
  'DELETE /team/invites/{id}': { guard: 'provider:team:manage' },
  'PATCH /team/members/{id}': { guard: 'provider:team:manage', body: json({ role: 'viewer' }) },
  'DELETE /team/members/{id}': { guard: 'provider:team:manage' },
  'GET /api-keys': { guard: 'provider:api-keys:manage' },
  'POST /api-keys': { guard: 'provider:api-keys:manage', body: json({ name: 'matrix', scopes: ['claims:read'] }) },
  'DELETE /api-keys/{id}': { guard: 'provider:api-keys:manage' },
  'GET /payout-account': { guard: 'provider:team:read' },
  // An empty body: a 400 proves the caller got past every guard without reaching Stripe.
  'POST /payout-account': { guard: 'provider:team:manage', body: json({}) },

  'GET /claims': { guard: 'provider:claims:read' },
  // An empty claim: a 400 proves the caller got past every guard without starting the pipeline.
  'POST /claims': { guard: 'provider:claims:write', body: json({}) },
  'GET /claims/{id}': { guard: 'provider:claims:read' },
  'POST /uploads': { guard: 'provider:uploads:write', body: csv },
  'GET /uploads/{id}': { guard: 'provider:claims:read' },

  'GET /admin/me': { guard: 'admin' },
  'GET /admin/audit': { guard: 'admin' },
  'GET /admin/audit/verify': { guard: 'admin' },
  'GET /admin/providers': { guard: 'admin' },
  'GET /admin/ledger/balances': { guard: 'admin' },
  'GET /admin/cut-rules': { guard: 'admin' },
  // An empty version: a 400 proves the caller got past every guard without publishing anything.
  'POST /admin/cut-rules': { guard: 'admin', body: json({}) },
  'PUT /admin/providers/{id}/cut': { guard: 'admin', body: json({ cutBps: 500 }) },
  'GET /admin/partners': { guard: 'admin' },
  'POST /admin/partners': { guard: 'admin', body: json({ name: 'Matrix Bank' }) },
  'POST /admin/partners/{id}/tokens': { guard: 'admin', body: json({ scopes: ['portfolio:read'] }) },
  'POST /admin/partner-tokens/{id}/rotate': { guard: 'admin', body: json({}) },
  'DELETE /admin/partner-tokens/{id}': { guard: 'admin' },
  'POST /admin/keys/reencrypt': { guard: 'admin' },
  'POST /admin/generation/start': { guard: 'admin', body: json({}) },
  'POST /admin/generation/stop': { guard: 'admin', body: json({}) },
  'GET /admin/generation/status': { guard: 'admin' },
  'GET /admin/risk/models': { guard: 'admin' },
  'GET /admin/risk/models/{id}': { guard: 'admin' },
  'POST /admin/risk/models/train': { guard: 'admin', body: json({ params: { trees: 0 } }) },
  'POST /admin/risk/models/{id}/promote': { guard: 'admin' },
  'POST /admin/risk/models/rollback': { guard: 'admin' },
  'GET /admin/risk/threshold': { guard: 'admin' },
  'PUT /admin/risk/threshold': { guard: 'admin', body: json({ threshold: 0 }) },
  'GET /admin/risk/features': { guard: 'admin' },
  'GET /admin/pools': { guard: 'admin' },
  // An unknown partner: a 422 proves the caller got past every guard without creating a pool.
  'POST /admin/pools': { guard: 'admin', body: json({ partnerId: 'zz_missing', name: 'Matrix pool' }) },
  'GET /admin/pools/{id}': { guard: 'admin' },
  'POST /admin/pools/{id}/pause': { guard: 'admin' },
  'POST /admin/pools/{id}/resume': { guard: 'admin' },
  // No idempotency key: a 400 proves the caller got past every guard without posting to the ledger.
  'POST /admin/pools/{id}/deposits': { guard: 'admin', body: json({ amountCents: 100 }) },
  'GET /admin/reconciliation': { guard: 'admin' },
  'GET /admin/reconciliation/{id}': { guard: 'admin' },
  // A missing item: a 404 proves the caller got past every guard without resolving anything.
  'POST /admin/reconciliation/{id}/resolve': { guard: 'admin', body: json({ note: 'matrix' }) },
  'GET /admin/remittances': { guard: 'admin' },

  'GET /partner/whoami': { guard: 'partner:any' },
  'GET /partner/portfolio': { guard: 'partner:portfolio:read' },
  'GET /partner/pools': { guard: 'partner:portfolio:read' },
  'GET /partner/pools/{id}': { guard: 'partner:portfolio:read' },

  // Open in development and tests only: production configuration refuses the switches (env-config tests).
  'GET /dev/outbox': { guard: 'dev' },
  'POST /dev/access-login': { guard: 'dev', body: json({}) },
}

/** The dashboard WebSocket is plain Hono (an upgrade has no OpenAPI shape) but sits behind the same guard. */
const UNDESCRIBED: Record<string, RouteSpec> = {
  'GET /live': { guard: 'provider:claims:read' },
  // Stripe's deliveries: raw bytes, guarded by their signature (stripe-webhooks tests), not by a session.
  'POST /webhooks/stripe': { guard: 'public', body: json({}) },
}

const ALL = { ...ROUTES, ...UNDESCRIBED }
const ROLES: Role[] = ['owner', 'admin', 'biller', 'viewer']
/** Problem types that mean a guard refused, as opposed to the route's own answer. */
const REFUSALS = new Set(['unauthenticated', 'forbidden', 'mfa-enrollment-required', 'invalid-api-key', 'access-required', 'invalid-signature', 'missing-scope', 'csrf-token', 'csrf-origin'])

const MISSING_ID = 'zz_missing0000000000'

function split(key: string) {
  const [method = '', path = ''] = key.split(' ')
  return { method, path }
}

async function send(key: string, spec: RouteSpec, init: { jar?: CookieJar; headers?: HeadersInit; ip?: string; id?: string } = {}) {
  const { method, path } = split(key)
  const body = spec.body?.() ?? {}
  const headers = new Headers(init.headers)
  for (const [k, v] of Object.entries(body.headers ?? {})) headers.set(k, v)
  const res = await call(path.replace('{id}', init.id ?? MISSING_ID), { method, jar: init.jar, ip: init.ip ?? freshIp(), headers, json: body.json, body: body.body })
  const refusal = res.status === 401 || res.status === 403 ? (/problems\/([a-z-]+)/.exec(((await res.json()) as { type?: string }).type ?? '')?.[1] ?? '') : null
  return { status: res.status, refusal }
}

/** Passed every guard: whatever the route answered, it was not a refusal. */
function expectAdmitted(what: string, answer: { status: number; refusal: string | null }) {
  expect(answer.refusal !== null && REFUSALS.has(answer.refusal) ? `${what}: refused ${answer.status} ${answer.refusal}` : 'admitted').toBe('admitted')
  expect(answer.status, what).toBeLessThan(500)
}

const entries = (table: Record<string, RouteSpec>, ...guards: ((g: Guard) => boolean)[]) =>
  Object.entries(table).filter(([, spec]) => guards.some((g) => g(spec.guard)))
const isProvider = (g: Guard) => g.startsWith('provider:')
const isUserOnly = (g: Guard) => g === 'user-only'
const isAdmin = (g: Guard) => g === 'admin'
const isPartner = (g: Guard) => g.startsWith('partner:')

describe('the access matrix', () => {
  it('classifies every route the API describes, and only those', async () => {
    const res = await call('/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    )
    expect(described.filter((r) => !(r in ROUTES)), 'routes without a guard class').toEqual([])
    expect(Object.keys(ROUTES).filter((r) => !described.includes(r)), 'classified routes that no longer exist').toEqual([])
  })

  it('refuses every guarded route to an anonymous caller with 401, and lets anyone reach the public ones', async () => {
    for (const [key, spec] of Object.entries(ALL)) {
      const answer = await send(key, spec)
      if (spec.guard === 'public' || spec.guard === 'dev') {
        expectAdmitted(`anonymous ${key}`, answer)
        expect(answer.status, key).not.toBe(401)
      } else {
        expect(answer.status, `anonymous ${key}`).toBe(401)
      }
    }
  })

  it('admits each role to provider and account routes exactly as its permissions say', async () => {
    for (const [key, spec] of entries(ALL, isProvider, isUserOnly)) {
      // A practice per route: logging out or revoking in one row of the matrix cannot affect another.
      const provider = testProvider()
      for (const role of ROLES) {
        const answer = await send(key, spec, { jar: jarOf(await signedInAs(provider, role)) })
        const permission = spec.guard.startsWith('provider:') ? (spec.guard.slice('provider:'.length) as Permission) : null
        if (!permission || roleGrants(role, permission)) expectAdmitted(`${role} ${key}`, answer)
        else expect(answer, `${role} ${key}`).toEqual({ status: 403, refusal: 'forbidden' })
      }
    }
  })

  it('holds an owner who has not proven a second factor at enrolment', async () => {
    const provider = testProvider()
    const owner = await signedInAs(provider, 'owner')
    const deps = await identityDeps(env)
    const pending = await newSession(deps, { userId: owner.userId, providerId: provider, mfa: false })
    await pending.insert
    const jar = new CookieJar()
    jar.cookies.set('cp_at', pending.issued.accessToken)
    jar.cookies.set('cp_csrf', 'matrix-csrf-token')
    for (const [key, spec] of entries(ALL, isProvider)) expect(await send(key, spec, { jar }), key).toEqual({ status: 403, refusal: 'mfa-enrollment-required' })
    for (const [key, spec] of entries(ALL, isUserOnly).filter(([k]) => !k.includes('logout'))) expectAdmitted(`unenrolled owner ${key}`, await send(key, spec, { jar }))
  })

  it('admits API keys to claim routes by scope and never to account, team or key routes', async () => {
    const provider = testProvider()
    const admin = jarOf(await signedInAs(provider, 'admin'))
    const keyWith = async (scopes: string[]) => {
      const res = await call('/api-keys', { method: 'POST', jar: admin, json: { name: 'matrix', scopes } })
      return { authorization: `Bearer ${((await res.json()) as { key: string }).key}` }
    }
    const full = await keyWith(['claims:read', 'claims:write', 'uploads:write'])
    const readOnly = await keyWith(['claims:read'])
    for (const [key, spec] of entries(ALL, isProvider, isUserOnly)) {
      const needs = spec.guard.startsWith('provider:claims') || spec.guard.startsWith('provider:uploads') ? spec.guard.slice('provider:'.length) : null
      const answerFull = await send(key, spec, { headers: full })
      const answerRead = await send(key, spec, { headers: readOnly })
      if (needs) {
        expectAdmitted(`full key ${key}`, answerFull)
        if (needs === 'claims:read') expectAdmitted(`read key ${key}`, answerRead)
        else expect(answerRead, `read key ${key}`).toEqual({ status: 403, refusal: 'forbidden' })
      } else {
        expect(answerFull, `full key ${key}`).toEqual({ status: 403, refusal: 'forbidden' })
      }
    }
  })

  it('refuses provider sessions and API keys on admin routes, and sessions and Access on partner routes', async () => {
    const provider = testProvider()
    const owner = jarOf(await signedInAs(provider, 'owner'))
    const admin = jarOf(await signedInAs(provider, 'admin'))
    const created = await call('/api-keys', { method: 'POST', jar: admin, json: { name: 'matrix', scopes: ['claims:read'] } })
    const bearer = { authorization: `Bearer ${((await created.json()) as { key: string }).key}` }
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM partners').first<{ n: number }>()
    for (const [key, spec] of entries(ALL, isAdmin)) {
      expect(await send(key, spec, { jar: owner }), `owner session ${key}`).toEqual({ status: 401, refusal: 'access-required' })
      expect(await send(key, spec, { headers: bearer }), `API key ${key}`).toEqual({ status: 401, refusal: 'access-required' })
    }
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM partners').first<{ n: number }>()).toEqual(before)
    for (const [key, spec] of entries(ALL, isPartner)) {
      expect(await send(key, spec, { jar: owner }), `owner session ${key}`).toEqual({ status: 401, refusal: 'invalid-signature' })
      expect(await send(key, spec, { headers: bearer }), `API key ${key}`).toEqual({ status: 401, refusal: 'invalid-signature' })
      expect(await send(key, spec, { headers: await adminHeaders() }), `Access ${key}`).toEqual({ status: 401, refusal: 'invalid-signature' })
    }
  })
})

describe('provider isolation', () => {
  it("answers 404 for another provider's claims, uploads, keys, invitations and members, and changes nothing", async () => {
    const a = testProvider()
    const b = testProvider()
    const adminA = jarOf(await signedInAs(a, 'admin'))
    const adminB = jarOf(await signedInAs(b, 'admin'))
    const viewerA = await signedInAs(a, 'viewer')

    const claim = (await (await call('/claims', { method: 'POST', jar: adminA, json: sampleClaim() })).json()) as { id: string }
    const today = new Date().toISOString().slice(0, 10)
    const file = writeClaimsCsv(generateDemoClaimInputs({ seed: 7, count: 1, today, flawRate: 0 }))
    const upload = (await (await call('/uploads', { method: 'POST', jar: adminA, headers: { 'content-type': 'text/csv' }, body: file })).json()) as { id: string }
    const key = (await (await call('/api-keys', { method: 'POST', jar: adminA, json: { name: 'a', scopes: ['claims:read'] } })).json()) as { id: string }
    const invite = (await (await call('/team/invites', { method: 'POST', jar: adminA, json: { email: freshEmail('isolated'), role: 'biller' } })).json()) as { id: string }
    for (const id of [claim.id, upload.id, key.id, invite.id]) expect(id).toBeTruthy()
    expect((await call(`/claims/${claim.id}`, { jar: adminA })).status).toBe(200)
    expect((await call(`/uploads/${upload.id}`, { jar: adminA })).status).toBe(200)

    const keyB = (await (await call('/api-keys', { method: 'POST', jar: adminB, json: { name: 'b', scopes: ['claims:read'] } })).json()) as { key: string }
    const attempts: [string, string, unknown?][] = [
      ['GET', `/claims/${claim.id}`],
      ['GET', `/uploads/${upload.id}`],
      ['DELETE', `/api-keys/${key.id}`],
      ['DELETE', `/team/invites/${invite.id}`],
      ['PATCH', `/team/members/${viewerA.userId}`, { role: 'admin' }],
      ['DELETE', `/team/members/${viewerA.userId}`],
    ]
    for (const [method, path, body] of attempts) {
      expect((await call(path, { method, jar: adminB, json: body })).status, `${method} ${path}`).toBe(404)
    }
    expect((await call(`/claims/${claim.id}`, { headers: { authorization: `Bearer ${keyB.key}` } })).status).toBe(404)
    expect((await call(`/uploads/${upload.id}`, { headers: { authorization: `Bearer ${keyB.key}` } })).status).toBe(404)

    const keyRow = await env.DB.prepare('SELECT revoked_at FROM api_keys WHERE id = ?').bind(key.id).first()
    expect(keyRow).toEqual({ revoked_at: null })
    const inviteRow = await env.DB.prepare('SELECT used_at FROM auth_tokens WHERE id = ?').bind(invite.id).first()
    expect(inviteRow).toEqual({ used_at: null })
    const viewerRow = await env.DB.prepare('SELECT role, removed_at FROM users WHERE id = ?').bind(viewerA.userId).first()
    expect(viewerRow).toEqual({ role: 'viewer', removed_at: null })
    expect((await call('/auth/me', { jar: jarOf(viewerA) })).status).toBe(200)
  })
})
