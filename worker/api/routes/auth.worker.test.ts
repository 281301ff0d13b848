import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../../identity/secrets'
import { totpCode } from '../../identity/totp'
import { call, CookieJar, freshEmail, freshIp, GOOD_PASSWORD, latestToken, login, outboxFor, signUpAndVerify } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

const NEW_PASSWORD = 'Orchid-Turbine-Saddle-8830'

const userRow = (email: string) =>
  env.DB.prepare('SELECT id, provider_id, password_hash, totp_secret_sealed, email_verified_at FROM users WHERE email = ?').bind(email).first<{ id: string; provider_id: string; password_hash: string | null; totp_secret_sealed: string | null; email_verified_at: string | null }>()

const me = (jar: CookieJar, ip?: string) => call('/auth/me', { jar, ip })

/** A code for a step the server has not seen: one step ahead is inside the allowed drift. */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000)

async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-30_000, 0, 30_000].map((d) => totpCode(secret, Date.now() + d)))
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0')
    if (!near.includes(candidate)) return candidate
  }
}

describe('sign-up, verification and sign-in', () => {
  it('signs up, verifies by the emailed link, signs in, and stores only hashes', async () => {
    const email = freshEmail('owner')
    const account = await signUpAndVerify(email, GOOD_PASSWORD, 'Birch Street Clinic')
    const { res, jar, body } = await login(email, GOOD_PASSWORD, account.ip)
    expect(res.status).toBe(200)
    expect(body.status).toBe('signed-in')
    expect([...jar.cookies.keys()].sort()).toEqual(['cp_at', 'cp_csrf', 'cp_rt'])
    const setCookies = res.headers.getSetCookie()
    expect(setCookies.find((c) => c.startsWith('cp_at='))).toMatch(/HttpOnly/i)
    expect(setCookies.find((c) => c.startsWith('cp_rt='))).toMatch(/HttpOnly/i)
    expect(setCookies.find((c) => c.startsWith('cp_csrf='))).not.toMatch(/HttpOnly/i)

    const user = await userRow(email)
    expect(user?.password_hash).toMatch(/^\$argon2id\$/)
    expect(user?.password_hash).not.toContain(GOOD_PASSWORD)
    expect(user?.email_verified_at).not.toBeNull()

    // The emailed token is stored only as its SHA-256: the row alone cannot be turned into a link.
    const token = await latestToken(email, 'verify-email')
    const stored = await env.DB.prepare('SELECT token_hash, used_at FROM auth_tokens WHERE email = ?').bind(email).all<{ token_hash: string; used_at: string | null }>()
    expect(stored.results).toHaveLength(1)
    expect(stored.results[0]?.token_hash).toBe(await hashToken(token))
    expect(stored.results[0]?.token_hash).not.toContain(token)
    expect(stored.results[0]?.used_at).not.toBeNull()
  })

  it('refuses a weak password with the finding and creates nothing', async () => {
    const email = freshEmail('weak')
    const res = await call('/auth/signup', { method: 'POST', ip: freshIp(), json: { email, password: 'short', practiceName: 'Weak Clinic' } })
    const problem = await expectProblem(res, 400)
    expect(problem.type).toContain('weak-password')
    expect(problem.errors?.map((e) => e.where)).toEqual(['/password'])
    expect(await userRow(email)).toBeNull()
    expect(await outboxFor(email)).toEqual([])
  })

  it('answers a sign-up for a registered email like any other and mails the owner instead', async () => {
    const email = freshEmail('twice')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Cedar Clinic')
    const again = await call('/auth/signup', { method: 'POST', ip, json: { email, password: NEW_PASSWORD, practiceName: 'Another Clinic' } })
    expect(again.status).toBe(202)
    const fresh = await call('/auth/signup', { method: 'POST', ip, json: { email: freshEmail('fresh'), password: NEW_PASSWORD, practiceName: 'Fresh Clinic' } })
    expect(await again.json()).toEqual(await fresh.json())

    expect((await outboxFor(email)).map((m) => m.template)).toEqual(['account-exists', 'verify-email'])
    const users = await env.DB.prepare('SELECT COUNT(*) AS n FROM users WHERE email = ?').bind(email).first<{ n: number }>()
    expect(users?.n).toBe(1)
    // The first password still works: the second sign-up changed nothing.
    expect((await login(email, GOOD_PASSWORD, ip)).body.status).toBe('signed-in')
  })

  it('refuses sign-in before the email is verified, and a verification link works once', async () => {
    const email = freshEmail('unverified')
    const ip = freshIp()
    expect((await call('/auth/signup', { method: 'POST', ip, json: { email, password: GOOD_PASSWORD, practiceName: 'Dogwood Clinic' } })).status).toBe(202)

    const early = await login(email, GOOD_PASSWORD, ip)
    expect((await expectProblem(early.res, 403)).type).toContain('email-not-verified')
    expect(early.jar.cookies.size).toBe(0)

    const token = await latestToken(email, 'verify-email')
    expect((await call('/auth/verify-email', { method: 'POST', ip, json: { token } })).status).toBe(200)
    expect((await expectProblem(await call('/auth/verify-email', { method: 'POST', ip, json: { token } }), 400)).type).toContain('invalid-token')
    expect((await login(email, GOOD_PASSWORD, ip)).body.status).toBe('signed-in')
  })
})

describe('two-factor authentication', () => {
  it('holds an owner at enrolment, then asks every sign-in for a fresh code', async () => {
    const email = freshEmail('mfa')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Elm Clinic')
    const { jar } = await login(email, GOOD_PASSWORD, ip)

    expect((await expectProblem(await call('/claims', { jar, ip }), 403)).type).toContain('mfa-enrollment-required')
    const before = await me(jar, ip)
    expect(before.status).toBe(200)
    expect(await before.json()).toMatchObject({ role: 'owner', mfaEnabled: false, mfaEnrollmentRequired: true })

    const enrol = await call('/auth/totp/enroll', { method: 'POST', jar, ip })
    expect(enrol.status).toBe(200)
    const { secret, otpauthUri } = (await enrol.json()) as { secret: string; otpauthUri: string }
    expect(otpauthUri).toContain(`secret=${secret}`)
    const sealed = (await userRow(email))?.totp_secret_sealed
    expect(sealed).toMatch(/^cp1\./)
    expect(sealed).not.toContain(secret)

    expect((await expectProblem(await call('/auth/totp/confirm', { method: 'POST', jar, ip, json: { code: await wrongCode(secret) } }), 400)).type).toContain('wrong-code')
    const confirm = await call('/auth/totp/confirm', { method: 'POST', jar, ip, json: { code: await totpCode(secret, Date.now()) } })
    expect(confirm.status).toBe(200)
    expect(await confirm.json()).toMatchObject({ mfaEnabled: true, mfaEnrollmentRequired: false })
    // Confirming proved the factor for this session: it may now use the product.
    expect((await call('/claims', { jar, ip })).status).toBe(200)

    const second = await login(email, GOOD_PASSWORD, ip)
    expect(second.body.status).toBe('mfa-required')
    expect(second.jar.cookies.size).toBe(0)
    const mfaToken = second.body.status === 'mfa-required' ? second.body.mfaToken : ''

    const wrong = await call('/auth/login/mfa', { method: 'POST', ip, json: { mfaToken, code: await wrongCode(secret) } })
    expect((await expectProblem(wrong, 401)).type).toContain('wrong-code')
    expect(wrong.headers.getSetCookie()).toEqual([])

    const code = await nextCode(secret)
    const signedIn = new CookieJar()
    const right = await call('/auth/login/mfa', { method: 'POST', ip, jar: signedIn, json: { mfaToken, code } })
    expect(right.status).toBe(200)
    expect(((await right.json()) as { status: string }).status).toBe('signed-in')
    expect((await call('/claims', { jar: signedIn, ip })).status).toBe(200)
    // The pending step was spent by the sign-in.
    expect((await call('/auth/login/mfa', { method: 'POST', ip, json: { mfaToken, code } })).status).toBe(400)

    // The same code, on a fresh sign-in inside its 30 seconds, is a replay.
    const third = await login(email, GOOD_PASSWORD, ip)
    const thirdToken = third.body.status === 'mfa-required' ? third.body.mfaToken : ''
    const replay = await call('/auth/login/mfa', { method: 'POST', ip, json: { mfaToken: thirdToken, code } })
    expect(replay.status).toBe(401)
  })
})

describe('lockout', () => {
  it('locks an email after repeated failures with 429 and Retry-After, even for the right password', async () => {
    const email = freshEmail('locked')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Fir Clinic')
    for (let i = 0; i < 3; i++) expect((await login(email, 'Not-The-Password-123', ip)).res.status).toBe(401)
    const locked = await login(email, GOOD_PASSWORD, ip)
    expect((await expectProblem(locked.res, 429)).type).toContain('account-locked')
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(locked.jar.cookies.size).toBe(0)
  })

  it('locks an unknown email the same way, so lockout does not reveal accounts', async () => {
    const email = freshEmail('nobody')
    const ip = freshIp()
    for (let i = 0; i < 3; i++) expect((await login(email, 'Not-The-Password-123', ip)).res.status).toBe(401)
    const locked = await login(email, GOOD_PASSWORD, ip)
    expect((await expectProblem(locked.res, 429)).type).toContain('account-locked')
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('mail budgets', () => {
  it('stops mailing one address after its budget, whichever client addresses ask', async () => {
    const email = freshEmail('flooded')
    const answers: number[] = []
    for (let i = 0; i < 21; i++) answers.push((await call('/auth/password-reset', { method: 'POST', ip: freshIp(), json: { email } })).status)
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(202))
    expect(answers[20]).toBe(429)
  })
})

describe('passwords', () => {
  it('resets by email: the same answer for unknown addresses, one use, and every session ends', async () => {
    const email = freshEmail('reset')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Hazel Clinic')
    const { jar } = await login(email, GOOD_PASSWORD, ip)
    const oldAccess = jar.only('cp_at')

    const known = await call('/auth/password-reset', { method: 'POST', ip, json: { email } })
    const unknownEmail = freshEmail('ghost')
    const unknown = await call('/auth/password-reset', { method: 'POST', ip, json: { email: unknownEmail } })
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(await known.json()).toEqual(await unknown.json())
    expect(await outboxFor(unknownEmail)).toEqual([])

    const token = await latestToken(email, 'reset-password')
    const weak = await call('/auth/password-reset/confirm', { method: 'POST', ip, json: { token, password: 'password' } })
    expect((await expectProblem(weak, 400)).errors?.[0]?.where).toBe('/password')

    expect((await call('/auth/password-reset/confirm', { method: 'POST', ip, json: { token, password: NEW_PASSWORD } })).status).toBe(204)
    expect((await me(oldAccess, ip)).status).toBe(401)
    expect((await me(jar, ip)).status).toBe(401)
    expect((await call('/auth/password-reset/confirm', { method: 'POST', ip, json: { token, password: 'Another-Fine-Phrase-77' } })).status).toBe(400)
    expect((await login(email, GOOD_PASSWORD, ip)).res.status).toBe(401)
    expect((await login(email, NEW_PASSWORD, ip)).body.status).toBe('signed-in')
  })

  it('changes the password with the current one and ends the other sessions only', async () => {
    const email = freshEmail('change')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Juniper Clinic')
    const here = (await login(email, GOOD_PASSWORD, ip)).jar
    const elsewhere = (await login(email, GOOD_PASSWORD, ip)).jar

    const wrong = await call('/auth/password', { method: 'POST', jar: here, ip, json: { currentPassword: 'Not-The-Password-123', newPassword: NEW_PASSWORD } })
    await expectProblem(wrong, 401)
    const weak = await call('/auth/password', { method: 'POST', jar: here, ip, json: { currentPassword: GOOD_PASSWORD, newPassword: 'password' } })
    await expectProblem(weak, 400)
    expect((await me(elsewhere, ip)).status).toBe(200)

    expect((await call('/auth/password', { method: 'POST', jar: here, ip, json: { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(204)
    expect((await me(here, ip)).status).toBe(200)
    expect((await me(elsewhere.only('cp_at'), ip)).status).toBe(401)
    // Its refresh token is dead too: the whole session ended, not just the access token.
    expect((await me(elsewhere, ip)).status).toBe(401)
  })
})

describe('sessions', () => {
  it('logs out this session: cookies cleared and the old access token refused', async () => {
    const email = freshEmail('logout')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Linden Clinic')
    const { jar } = await login(email, GOOD_PASSWORD, ip)
    const stolen = jar.only('cp_at', 'cp_rt')
    const other = (await login(email, GOOD_PASSWORD, ip)).jar

    const out = await call('/auth/logout', { method: 'POST', jar, ip })
    expect(out.status).toBe(204)
    expect(jar.cookies.size).toBe(0)
    expect((await me(stolen.only('cp_at'), ip)).status).toBe(401)
    expect((await me(stolen, ip)).status).toBe(401)
    expect((await me(other, ip)).status).toBe(200)

    const all = await call('/auth/logout-all', { method: 'POST', jar: other, ip })
    expect(all.status).toBe(204)
    const sessions = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.revoked_at IS NULL').bind(email).first<{ n: number }>()
    expect(sessions?.n).toBe(0)
  })

  it('logs out everywhere: every other session ends', async () => {
    const email = freshEmail('everywhere')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Maple Clinic')
    const a = (await login(email, GOOD_PASSWORD, ip)).jar
    const b = (await login(email, GOOD_PASSWORD, ip)).jar
    expect((await call('/auth/logout-all', { method: 'POST', jar: a, ip })).status).toBe(204)
    expect((await me(b.only('cp_at'), ip)).status).toBe(401)
    expect((await me(b, ip)).status).toBe(401)
  })

  it('signs in as the new user even when the browser still holds another session’s refresh cookie', async () => {
    const first = freshEmail('first')
    const second = freshEmail('second')
    const { ip } = await signUpAndVerify(first, GOOD_PASSWORD, 'Pine Clinic')
    await signUpAndVerify(second, GOOD_PASSWORD, 'Poplar Clinic', ip)
    // The first user's access cookie has expired; only the refresh cookie is left in the browser.
    const browser = (await login(first, GOOD_PASSWORD, ip)).jar.only('cp_rt')
    const res = await call('/auth/login', { method: 'POST', ip, jar: browser, json: { email: second, password: GOOD_PASSWORD } })
    expect(res.status).toBe(200)
    expect(await (await me(browser, ip)).json()).toMatchObject({ email: second })
  })

  it('signs out even when the access cookie had expired and the refresh cookie was rotated on the way in', async () => {
    const email = freshEmail('late-logout')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Rowan Clinic')
    const { jar } = await login(email, GOOD_PASSWORD, ip)
    const browser = jar.only('cp_rt', 'cp_csrf')
    expect((await call('/auth/logout', { method: 'POST', ip, jar: browser })).status).toBe(204)
    expect(browser.cookies.size).toBe(0)
  })

  it('refreshes from the refresh cookie alone and revokes the family when a rotated token comes back late', async () => {
    const email = freshEmail('refresh')
    const { ip } = await signUpAndVerify(email, GOOD_PASSWORD, 'Oak Clinic')
    const { jar } = await login(email, GOOD_PASSWORD, ip)
    const firstRefresh = jar.get('cp_rt')!

    const browser = jar.only('cp_rt')
    const refreshed = await me(browser, ip)
    expect(refreshed.status).toBe(200)
    expect(refreshed.headers.getSetCookie().map((c) => c.split('=')[0]).sort()).toEqual(['cp_at', 'cp_rt'])
    const secondRefresh = browser.get('cp_rt')!
    expect(secondRefresh).not.toBe(firstRefresh)
    expect(browser.get('cp_at')).toBeTruthy()

    // Inside the grace window a parallel request with the old token still gets through, without a new refresh token.
    const oldTab = new CookieJar()
    oldTab.cookies.set('cp_rt', firstRefresh)
    const parallel = await me(oldTab, ip)
    expect(parallel.status).toBe(200)
    expect(parallel.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['cp_at'])

    const user = await userRow(email)
    await env.DB.prepare('UPDATE sessions SET rotated_at = ? WHERE user_id = ?').bind(new Date(Date.now() - 10 * 60_000).toISOString(), user!.id).run()
    const late = new CookieJar()
    late.cookies.set('cp_rt', firstRefresh)
    expect((await me(late, ip)).status).toBe(401)

    const session = await env.DB.prepare('SELECT revoked_at, revoked_reason FROM sessions WHERE user_id = ?').bind(user!.id).first<{ revoked_at: string | null; revoked_reason: string | null }>()
    expect(session?.revoked_at).not.toBeNull()
    expect(session?.revoked_reason).toBe('refresh-token-reused')
    // The thief and the owner are both out: the newest refresh token and access token die with the family.
    const current = new CookieJar()
    current.cookies.set('cp_rt', secondRefresh)
    expect((await me(current, ip)).status).toBe(401)
    expect((await me(browser.only('cp_at'), ip)).status).toBe(401)
  })
})
