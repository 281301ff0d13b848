import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createPartnerClient } from '../../../clients/partner/claimpay-partner'
import { AuditPage, AuditVerification } from '../../contracts/identity'
import { base64url } from '../../identity/secrets'
import { ACCESS_AUD, ACCESS_ISS, adminCall, adminHeaders, freshEmail, freshIp, issuePartnerToken, ORIGIN, call, type IssuedToken } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const
const devJwk = () => JSON.parse(env.DEV_ACCESS_PRIVATE_JWK) as JsonWebKey & { kid: string }
const nowSec = () => Math.floor(Date.now() / 1000)
const encode = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)))

async function devKey(): Promise<CryptoKey> {
  const { kid: _kid, alg: _alg, ...jwk } = devJwk() as JsonWebKey & { kid: string }
  return crypto.subtle.importKey('jwk', { ...jwk, alg: 'RS256', ext: true }, RS256, false, ['sign'])
}

/** An Access-shaped token with any header and claims, signed by `key` (or unsigned). */
async function jwt(claims: Record<string, unknown>, { key, header }: { key?: CryptoKey; header?: Record<string, unknown> } = {}) {
  const now = nowSec()
  const payload = { aud: [ACCESS_AUD], email: 'ops@claimpay.dev', exp: now + 600, iat: now, nbf: now, iss: ACCESS_ISS, sub: crypto.randomUUID(), type: 'app', ...claims }
  const input = `${encode({ alg: 'RS256', kid: devJwk().kid, typ: 'JWT', ...header })}.${encode(payload)}`
  if (!key) return `${input}.`
  return `${input}.${base64url(new Uint8Array(await crypto.subtle.sign(RS256, key, new TextEncoder().encode(input))))}`
}

const adminMe = (headers: HeadersInit = {}) => SELF.fetch(`${ORIGIN}/api/v1/admin/me`, { headers })
const asAccess = (token: string) => ({ 'cf-access-jwt-assertion': token })

describe('Cloudflare Access on the admin API', () => {
  it('admits a valid token and names its email', async () => {
    const res = await adminMe(await adminHeaders('ops.lead@claimpay.dev'))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ email: 'ops.lead@claimpay.dev' })
    expect((await adminMe(asAccess(await jwt({}, { key: await devKey() })))).status).toBe(200)
  })

  it('refuses a missing, forged, misaddressed, expired, early, unsigned, unknown-key or foreign-issuer token', async () => {
    const real = await devKey()
    const pair = (await crypto.subtle.generateKey({ ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, false, ['sign', 'verify'])) as CryptoKeyPair
    const cases: [string, HeadersInit][] = [
      ['missing', {}],
      ['signed by another key under the same kid', asAccess(await jwt({}, { key: pair.privateKey }))],
      ['for another application', asAccess(await jwt({ aud: ['someone-else'] }, { key: real }))],
      ['expired', asAccess(await jwt({ exp: nowSec() - 3600, iat: nowSec() - 7200, nbf: nowSec() - 7200 }, { key: real }))],
      ['not valid yet', asAccess(await jwt({ nbf: nowSec() + 3600, exp: nowSec() + 7200 }, { key: real }))],
      ['alg none', asAccess(await jwt({}, { header: { alg: 'none' } }))],
      ['unknown kid', asAccess(await jwt({}, { key: real, header: { kid: 'dev-somebody-else' } }))],
      ['another team as issuer', asAccess(await jwt({ iss: 'https://evil.cloudflareaccess.com' }, { key: real }))],
      ['garbage', asAccess('not.a.jwt')],
    ]
    for (const [what, headers] of cases) {
      const problem = await expectProblem(await adminMe(headers), 401)
      expect(problem.type, what).toContain('access-required')
    }
  })

  it('guards the admin pages before anything renders', async () => {
    const anonymous = await SELF.fetch(`${ORIGIN}/admin`)
    expect((await expectProblem(anonymous, 401)).type).toContain('access-required')
    const forged = await SELF.fetch(`${ORIGIN}/admin/audit`, { headers: asAccess(await jwt({ aud: ['someone-else'] }, { key: await devKey() })) })
    expect(forged.status).toBe(401)
    const staff = await SELF.fetch(`${ORIGIN}/admin`, { headers: await adminHeaders() })
    expect(staff.status).not.toBe(401)
  })

  it('emulates the Access edge in development: the dev login cookie alone opens the admin API', async () => {
    const login = await call('/dev/access-login', { method: 'POST', json: { email: 'dev.admin@claimpay.dev' } })
    expect(login.status).toBe(204)
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('CF_Authorization='))
    expect(cookie).toMatch(/HttpOnly/i)
    const token = cookie!.split(';')[0]!
    const res = await adminMe({ cookie: token })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ email: 'dev.admin@claimpay.dev' })
    expect((await SELF.fetch(`${ORIGIN}/admin`, { headers: { cookie: token } })).status).not.toBe(401)
  })
})

describe('bank partners', () => {
  const client = (token: Pick<IssuedToken, 'id' | 'secret'>, extra: { now?: () => number; nonce?: () => string } = {}) =>
    createPartnerClient({ baseUrl: ORIGIN, tokenId: token.id, secret: token.secret, fetch: SELF.fetch.bind(SELF), ...extra })

  const row = (id: string) =>
    env.DB.prepare('SELECT signing_key_sealed, use_count, last_used_at, expires_at FROM partner_tokens WHERE id = ?').bind(id).first<{ signing_key_sealed: string; use_count: number; last_used_at: string | null; expires_at: string }>()

  it('issues a token whose secret is shown once and stored only as a sealed derived key; signed calls work and are counted', async () => {
    const token = await issuePartnerToken(['portfolio:read'])
    expect(token.secret).toMatch(/^cps_/)
    const listed = await (await adminCall('/admin/partners')).text()
    expect(listed).toContain(token.id)
    expect(listed).not.toContain(token.secret)
    expect(listed).not.toMatch(/signingKey/i)
    const stored = await row(token.id)
    expect(stored?.signing_key_sealed).toMatch(/^cp1\./)
    expect(stored?.signing_key_sealed).not.toContain(token.secret)
    expect(stored?.use_count).toBe(0)

    const partner = client(token)
    const whoami = await partner.get('/api/v1/partner/whoami')
    expect(whoami.status).toBe(200)
    expect(await whoami.json()).toEqual({ partnerId: token.partnerId, tokenId: token.id, scopes: ['portfolio:read'] })
    expect((await partner.get('/api/v1/partner/portfolio')).status).toBe(200)
    const used = await row(token.id)
    expect(used?.use_count).toBe(2)
    expect(used?.last_used_at).not.toBeNull()
  })

  it('refuses a wrong signature, a stale timestamp, a replayed nonce and a revoked token', async () => {
    const token = await issuePartnerToken(['portfolio:read'])
    const wrong = await client({ id: token.id, secret: `cps_${'A'.repeat(43)}` }).get('/api/v1/partner/whoami')
    expect((await expectProblem(wrong, 401)).detail).toMatch(/signature does not match/)

    const stale = await client(token, { now: () => Date.now() - 10 * 60_000 }).get('/api/v1/partner/whoami')
    expect((await expectProblem(stale, 401)).detail).toMatch(/five minutes/)

    const at = Date.now()
    const replaying = client(token, { now: () => at, nonce: () => 'replayed-nonce-0123456789' })
    expect((await replaying.get('/api/v1/partner/whoami')).status).toBe(200)
    expect((await expectProblem(await replaying.get('/api/v1/partner/whoami'), 401)).detail).toMatch(/nonce/)

    // Refused requests are not uses.
    expect((await row(token.id))?.use_count).toBe(1)

    expect((await adminCall(`/admin/partner-tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await expectProblem(await client(token).get('/api/v1/partner/whoami'), 401)).detail).toMatch(/revoked/)
  })

  it('holds a token to its scopes', async () => {
    const token = await issuePartnerToken(['funding:approve'])
    expect((await client(token).get('/api/v1/partner/whoami')).status).toBe(200)
    expect((await expectProblem(await client(token).get('/api/v1/partner/portfolio'), 403)).type).toContain('missing-scope')
  })

  it('rotates with an overlap: both secrets work until the old one expires', async () => {
    const old = await issuePartnerToken(['portfolio:read'])
    const rotated = await adminCall(`/admin/partner-tokens/${old.id}/rotate`, { method: 'POST', json: { overlapHours: 2 } })
    expect(rotated.status).toBe(201)
    const next = (await rotated.json()) as IssuedToken & { rotatedFrom: string }
    expect(next.rotatedFrom).toBe(old.id)
    expect(next.secret).not.toBe(old.secret)

    expect((await client(old).get('/api/v1/partner/portfolio')).status).toBe(200)
    expect((await client(next).get('/api/v1/partner/portfolio')).status).toBe(200)
    expect(Date.parse((await row(old.id))!.expires_at)).toBeLessThanOrEqual(Date.now() + 2 * 3600_000)

    await env.DB.prepare('UPDATE partner_tokens SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), old.id).run()
    expect((await expectProblem(await client(old).get('/api/v1/partner/portfolio'), 401)).detail).toMatch(/expired/)
    expect((await client(next).get('/api/v1/partner/portfolio')).status).toBe(200)
  })
})

describe('key rotation', () => {
  it('re-encrypts a batch of sealed fields on demand and says what it did', async () => {
    const res = await adminCall('/admin/keys/reencrypt', { method: 'POST' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { reencrypted: number; failed: number; remaining: boolean }
    expect(body).toEqual({ reencrypted: expect.any(Number), failed: 0, remaining: expect.any(Boolean) })
  })
})

describe('the audit log', () => {
  it('lists sealed entries for auth activity and verifies the chain', async () => {
    const email = freshEmail('audited')
    await call('/auth/login', { method: 'POST', ip: freshIp(), json: { email, password: 'Not-The-Password-123' } })
    await issuePartnerToken(['portfolio:read'])

    const page = AuditPage.parse(await (await adminCall('/admin/audit?action=auth.login-failed&limit=200')).json())
    expect(page.items.length).toBeGreaterThan(0)
    for (const item of page.items) {
      expect(item.seq).toEqual(expect.any(Number))
      expect(item.hash).toMatch(/^[0-9a-f]{64}$/)
    }
    // Failures for unknown addresses are recorded without the address.
    expect(JSON.stringify(page)).not.toContain(email)
    const partners = AuditPage.parse(await (await adminCall('/admin/audit?action=partner.token-issued')).json())
    expect(partners.items[0]?.actor).toBe('ops@claimpay.dev')

    const verified = AuditVerification.parse(await (await adminCall('/admin/audit/verify')).json())
    expect(verified).toMatchObject({ ok: true })
    if (verified.ok) expect(verified.checked).toBeGreaterThan(0)
  })

  it('refuses to edit or delete an entry through SQL', async () => {
    await adminCall('/admin/audit/verify')
    const sealed = await env.DB.prepare('SELECT id, action FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1').first<{ id: string; action: string }>()
    expect(sealed).not.toBeNull()
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'x' WHERE id = ?").bind(sealed!.id).run()).rejects.toThrow(/append-only/)
    await expect(env.DB.prepare("UPDATE audit_log SET hash = 'x' WHERE id = ?").bind(sealed!.id).run()).rejects.toThrow(/append-only/)
    await expect(env.DB.prepare('DELETE FROM audit_log WHERE id = ?').bind(sealed!.id).run()).rejects.toThrow(/append-only/)
    expect(await env.DB.prepare('SELECT action FROM audit_log WHERE id = ?').bind(sealed!.id).first()).toEqual({ action: sealed!.action })
  })

  // Last in the file: it leaves the chain broken on purpose.
  it('detects an entry an attacker sealed with a made-up hash', async () => {
    await adminCall('/admin/audit/verify')
    const id = `aud_forged${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
    // Nothing stops an INSERT of a row that claims to be sealed, so the forgery has to be caught by the hashes.
    await env.DB.prepare(
      "INSERT INTO audit_log (id, actor, action, subject_type, subject_id, at, seq, prev_hash, hash) VALUES (?, 'intruder', 'claim.paid', 'claim', 'clm_x', ?, (SELECT MAX(seq) FROM audit_log) + 1, ?, ?)",
    )
      .bind(id, new Date().toISOString(), '0'.repeat(64), 'f'.repeat(64))
      .run()
    const forgedSeq = (await env.DB.prepare('SELECT seq FROM audit_log WHERE id = ?').bind(id).first<{ seq: number }>())!.seq

    const verified = AuditVerification.parse(await (await adminCall('/admin/audit/verify')).json())
    expect(verified).toMatchObject({ ok: false, brokenAtSeq: forgedSeq })
  })
})

describe('customers', () => {
  it("counts each provider's own claims and members", async () => {
    const provider = `prv_count${crypto.randomUUID().slice(0, 8)}`
    const at = new Date().toISOString()
    await env.DB.batch([
      env.DB.prepare('INSERT INTO providers (id, name, cut_bps) VALUES (?, ?, 500)').bind(provider, 'Count Clinic'),
      env.DB.prepare("INSERT INTO users (id, provider_id, email, display_name, role, created_at) VALUES (?, ?, ?, 'Counter', 'owner', ?)").bind(`usr_${provider}`, provider, `${provider}@example.test`, at),
    ])
    const res = await adminCall('/admin/providers')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: { id: string; claims: number; members: number }[] }
    expect(items.find((p) => p.id === provider)).toMatchObject({ claims: 0, members: 1 })
  })
})
