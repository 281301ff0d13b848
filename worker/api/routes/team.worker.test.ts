import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../identity'
import { sampleClaim, testProvider } from '../../test/api-client'
import { call, CookieJar, freshEmail, freshIp, GOOD_PASSWORD, jarOf, latestToken } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'
import { signedInAs } from '../../test/sessions'

async function member(provider: string, role: Role) {
  const session = await signedInAs(provider, role)
  return { ...session, jar: jarOf(session) }
}

const count = async (sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())?.n ?? 0

/** Invites `email` as `role` and accepts through the emailed link: the teammate's signed-in jar. */
async function inviteAndAccept(inviter: CookieJar, email: string, role: Role) {
  const ip = freshIp()
  const sent = await call('/team/invites', { method: 'POST', jar: inviter, json: { email, role } })
  expect(sent.status).toBe(201)
  const token = await latestToken(email, 'invite')
  const jar = new CookieJar()
  const accepted = await call('/auth/invites/accept', { method: 'POST', ip, jar, json: { token, displayName: 'New Teammate', password: GOOD_PASSWORD } })
  expect(accepted.status).toBe(200)
  return { jar, ip, token, invite: (await sent.json()) as { id: string }, me: ((await accepted.json()) as { me: { userId: string; role: Role; providerId: string } }).me }
}

describe('invitations', () => {
  it('invites by email with a role; the invitee accepts through the link and is signed in with that role', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const email = freshEmail('invitee')
    const joined = await inviteAndAccept(admin.jar, email, 'biller')
    expect(joined.me).toMatchObject({ role: 'biller', providerId: provider })

    const me = await call('/auth/me', { jar: joined.jar })
    expect(await me.json()).toMatchObject({ email, role: 'biller', providerId: provider, permissions: ['claims:read', 'claims:write', 'uploads:write', 'team:read'] })
    const team = (await (await call('/team', { jar: admin.jar })).json()) as { members: { email: string; role: string }[]; invites: unknown[] }
    expect(team.members).toContainEqual(expect.objectContaining({ email, role: 'biller' }))
    expect(team.invites).toEqual([])

    const again = await call('/auth/invites/accept', { method: 'POST', ip: joined.ip, json: { token: joined.token, displayName: 'Twice', password: GOOD_PASSWORD } })
    expect((await expectProblem(again, 400)).type).toContain('invalid-token')
    expect(await count('SELECT COUNT(*) AS n FROM users WHERE email = ?', email)).toBe(1)
  })

  it('does not let an admin invite an owner', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const email = freshEmail('would-be-owner')
    const res = await call('/team/invites', { method: 'POST', jar: admin.jar, json: { email, role: 'owner' } })
    expect((await expectProblem(res, 403)).type).toContain('role-not-allowed')
    expect(await count('SELECT COUNT(*) AS n FROM auth_tokens WHERE email = ?', email)).toBe(0)
  })
})

describe('roles', () => {
  it('lets a viewer read claims and the team but change nothing', async () => {
    const provider = testProvider()
    const { jar } = await member(provider, 'viewer')
    expect((await call('/claims', { jar })).status).toBe(200)
    expect((await call('/team', { jar })).status).toBe(200)
    await expectProblem(await call('/claims', { method: 'POST', jar, json: sampleClaim() }), 403)
    await expectProblem(await call('/uploads', { method: 'POST', jar, headers: { 'content-type': 'text/csv' }, body: 'claim_number\n' }), 403)
    await expectProblem(await call('/team/invites', { method: 'POST', jar, json: { email: freshEmail('x'), role: 'viewer' } }), 403)
    await expectProblem(await call('/api-keys', { jar }), 403)
    expect(await count('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?', provider)).toBe(0)
    expect(await count("SELECT COUNT(*) AS n FROM auth_tokens WHERE provider_id = ? AND purpose = 'invite'", provider)).toBe(0)
  })

  it('lets a biller work claims but not manage the team or keys', async () => {
    const provider = testProvider()
    const { jar } = await member(provider, 'biller')
    const viewer = await member(provider, 'viewer')
    expect((await call('/claims', { method: 'POST', jar, json: sampleClaim() })).status).toBe(202)
    expect((await call('/team', { jar })).status).toBe(200)
    await expectProblem(await call('/team/invites', { method: 'POST', jar, json: { email: freshEmail('x'), role: 'viewer' } }), 403)
    await expectProblem(await call(`/team/members/${viewer.userId}`, { method: 'PATCH', jar, json: { role: 'biller' } }), 403)
    await expectProblem(await call(`/team/members/${viewer.userId}`, { method: 'DELETE', jar }), 403)
    await expectProblem(await call('/api-keys', { method: 'POST', jar, json: { name: 'emr', scopes: ['claims:read'] } }), 403)
    expect(await count('SELECT COUNT(*) AS n FROM users WHERE id = ? AND role = ? AND removed_at IS NULL', viewer.userId, 'viewer')).toBe(1)
  })

  it('changes a role, which takes effect on the member’s next request', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const viewer = await member(provider, 'viewer')
    await expectProblem(await call('/claims', { method: 'POST', jar: viewer.jar, json: sampleClaim() }), 403)

    const changed = await call(`/team/members/${viewer.userId}`, { method: 'PATCH', jar: admin.jar, json: { role: 'biller' } })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ userId: viewer.userId, role: 'biller' })
    expect((await call('/claims', { method: 'POST', jar: viewer.jar, json: sampleClaim() })).status).toBe(202)

    await expectProblem(await call(`/team/members/${viewer.userId}`, { method: 'PATCH', jar: admin.jar, json: { role: 'owner' } }), 403)
    await expectProblem(await call(`/team/members/${admin.userId}`, { method: 'PATCH', jar: admin.jar, json: { role: 'viewer' } }), 400)
  })

  it('keeps the owner: nobody can demote or remove the last one', async () => {
    const provider = testProvider()
    const owner = await member(provider, 'owner')
    const admin = await member(provider, 'admin')
    // An owner cannot act on themself, and an admin cannot act on an owner, so the last owner stays.
    await expectProblem(await call(`/team/members/${owner.userId}`, { method: 'PATCH', jar: owner.jar, json: { role: 'admin' } }), 400)
    await expectProblem(await call(`/team/members/${owner.userId}`, { method: 'DELETE', jar: owner.jar }), 400)
    await expectProblem(await call(`/team/members/${owner.userId}`, { method: 'PATCH', jar: admin.jar, json: { role: 'admin' } }), 403)
    await expectProblem(await call(`/team/members/${owner.userId}`, { method: 'DELETE', jar: admin.jar }), 403)
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE provider_id = ? AND role = 'owner' AND removed_at IS NULL", provider)).toBe(1)
  })

  it('removes a member: their session is refused at once', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const email = freshEmail('leaver')
    const leaver = await inviteAndAccept(admin.jar, email, 'biller')
    expect((await call('/claims', { jar: leaver.jar })).status).toBe(200)

    expect((await call(`/team/members/${leaver.me.userId}`, { method: 'DELETE', jar: admin.jar })).status).toBe(204)
    await expectProblem(await call('/claims', { jar: leaver.jar.only('cp_at') }), 401)
    // Refreshing cannot revive it either.
    await expectProblem(await call('/auth/me', { jar: leaver.jar }), 401)
    const login = await call('/auth/login', { method: 'POST', ip: leaver.ip, json: { email, password: GOOD_PASSWORD } })
    expect(login.status).toBe(401)
  })

  it('lets a removed member come back when invited again, with the new role and none of the old sessions', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const email = freshEmail('returner')
    const first = await inviteAndAccept(admin.jar, email, 'biller')
    expect((await call(`/team/members/${first.me.userId}`, { method: 'DELETE', jar: admin.jar })).status).toBe(204)

    const back = await inviteAndAccept(admin.jar, email, 'viewer')
    expect(back.me).toMatchObject({ userId: first.me.userId, role: 'viewer', providerId: provider })
    expect((await call('/claims', { jar: back.jar })).status).toBe(200)
    await expectProblem(await call('/claims', { jar: first.jar.only('cp_at') }), 401)
    expect(await count('SELECT COUNT(*) AS n FROM users WHERE email = ? AND removed_at IS NULL', email)).toBe(1)
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'team.rejoined' AND subject_id = ?", first.me.userId)).toBe(1)
  })
})

describe('API keys', () => {
  it('shows the secret once, authenticates with it, counts uses, and never manages the team', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const created = await call('/api-keys', { method: 'POST', jar: admin.jar, json: { name: 'EMR export', scopes: ['claims:read', 'claims:write'] } })
    expect(created.status).toBe(201)
    const key = (await created.json()) as { id: string; key: string; prefix: string }
    expect(key.key).toMatch(/^cpk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/)
    const secret = key.key.split('_').slice(2).join('_')

    const listed = await (await call('/api-keys', { jar: admin.jar })).text()
    expect(listed).toContain(key.id)
    expect(listed).not.toContain(secret)
    expect(listed).not.toMatch(/"key"|secretHash/)
    const row = await env.DB.prepare('SELECT secret_hash FROM api_keys WHERE id = ?').bind(key.id).first<{ secret_hash: string }>()
    expect(row?.secret_hash).not.toContain(secret)

    const bearer = { authorization: `Bearer ${key.key}` }
    const post = await call('/claims', { method: 'POST', headers: bearer, json: sampleClaim() })
    expect(post.status).toBe(202)
    const { id: claimId } = (await post.json()) as { id: string }
    const list = await call('/claims', { headers: bearer })
    expect(list.status).toBe(200)
    expect(JSON.stringify(await list.json())).toContain(claimId)

    await expectProblem(await call('/team', { headers: bearer }), 403)
    await expectProblem(await call('/api-keys', { headers: bearer }), 403)
    await expectProblem(await call('/team/invites', { method: 'POST', headers: bearer, json: { email: freshEmail('x'), role: 'admin' } }), 403)

    const used = await env.DB.prepare('SELECT use_count, last_used_at FROM api_keys WHERE id = ?').bind(key.id).first<{ use_count: number; last_used_at: string | null }>()
    expect(used?.use_count).toBeGreaterThanOrEqual(2)
    expect(used?.last_used_at).not.toBeNull()
  })

  it('refuses writes to a read-only key, and any use of a revoked or expired key', async () => {
    const provider = testProvider()
    const admin = await member(provider, 'admin')
    const make = async (scopes: string[]) => (await (await call('/api-keys', { method: 'POST', jar: admin.jar, json: { name: 'k', scopes } })).json()) as { id: string; key: string }
    const readOnly = await make(['claims:read'])
    expect((await call('/claims', { headers: { authorization: `Bearer ${readOnly.key}` } })).status).toBe(200)
    await expectProblem(await call('/claims', { method: 'POST', headers: { authorization: `Bearer ${readOnly.key}` }, json: sampleClaim() }), 403)

    const revoked = await make(['claims:read'])
    expect((await call(`/api-keys/${revoked.id}`, { method: 'DELETE', jar: admin.jar })).status).toBe(204)
    expect((await expectProblem(await call('/claims', { headers: { authorization: `Bearer ${revoked.key}` } }), 401)).detail).toMatch(/revoked/)

    const expired = await make(['claims:read'])
    await env.DB.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), expired.id).run()
    expect((await expectProblem(await call('/claims', { headers: { authorization: `Bearer ${expired.key}` } }), 401)).detail).toMatch(/expired/)

    await expectProblem(await call('/claims', { headers: { authorization: `Bearer ${readOnly.key.slice(0, -4)}AAAA` } }), 401)
    expect(await count('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?', provider)).toBe(0)
  })
})

describe('CSRF', () => {
  it('refuses cookie-authenticated changes without the token, with a wrong one, or from a foreign origin', async () => {
    const provider = testProvider()
    const { jar, csrf } = await member(provider, 'admin')
    const invite = { email: freshEmail('csrf'), role: 'viewer' }

    const missing = await call('/team/invites', { method: 'POST', jar, csrf: false, json: invite })
    expect((await expectProblem(missing, 403)).type).toContain('csrf-token')
    const wrong = await call('/team/invites', { method: 'POST', jar, headers: { 'x-csrf-token': `${csrf}x` }, json: invite })
    expect((await expectProblem(wrong, 403)).type).toContain('csrf-token')
    const foreign = await call('/team/invites', { method: 'POST', jar, headers: { origin: 'https://evil.example' }, json: invite })
    expect((await expectProblem(foreign, 403)).type).toContain('csrf-origin')
    const claim = await call('/claims', { method: 'POST', jar, csrf: false, json: sampleClaim() })
    expect((await expectProblem(claim, 403)).type).toContain('csrf-token')

    expect(await count('SELECT COUNT(*) AS n FROM auth_tokens WHERE email = ?', invite.email)).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?', provider)).toBe(0)
    // The same request from this site with the token goes through.
    const same = await call('/team/invites', { method: 'POST', jar, headers: { origin: 'https://claimpay.test' }, json: invite })
    expect(same.status).toBe(201)
  })
})
