import { env } from 'cloudflare:test'
import { schema } from '../db'
import { identityDeps, type Role } from '../identity'
import { newSession } from '../identity/session/sessions'

export type TestSession = { cookie: string; csrf: string; userId: string; providerId: string; role: Role }

const sessions = new Map<string, Promise<TestSession>>()

/**
 * A signed-in member of `providerId` with `role`, made by the same code the login route uses (a
 * session row and a signed access token); the practice and the member are created on first use.
 * Owners are marked as having passed the second factor, as after a TOTP sign-in.
 */
export function signedInAs(providerId: string, role: Role = 'admin'): Promise<TestSession> {
  const key = `${providerId}:${role}`
  let session = sessions.get(key)
  if (!session) {
    session = createSession(providerId, role)
    sessions.set(key, session)
  }
  return session
}

async function createSession(providerId: string, role: Role): Promise<TestSession> {
  const deps = await identityDeps(env)
  const userId = `usr_${providerId.slice(4)}${role}`.slice(0, 40)
  await deps.db.insert(schema.providers).values({ id: providerId, name: `Practice ${providerId}`, cutBps: 500 }).onConflictDoNothing()
  await deps.db
    .insert(schema.users)
    .values({ id: userId, providerId, email: `${role}.${providerId}@test.claimpay.dev`.toLowerCase(), displayName: role, role, emailVerifiedAt: new Date().toISOString() })
    .onConflictDoNothing()
  const { insert, issued } = await newSession(deps, { userId, providerId, mfa: true })
  await insert
  const csrf = crypto.randomUUID()
  return { cookie: `cp_at=${issued.accessToken}; cp_csrf=${csrf}`, csrf, userId, providerId, role }
}

/** Headers that make a request as this session, CSRF token included. */
export function sessionHeaders(session: TestSession, init?: HeadersInit): Headers {
  const headers = new Headers(init)
  headers.set('cookie', session.cookie)
  headers.set('x-csrf-token', session.csrf)
  return headers
}
