import { and, eq, isNull, ne } from 'drizzle-orm'
import { identitySchema, schema } from '../../db'
import { newId } from '../../ids'
import type { IdentityDeps } from '../deps'
import type { Role } from '../roles'
import { hashToken, randomToken } from '../secrets'
import { signAccessToken, verifyAccessToken } from './access-token'

const { sessions } = identitySchema
const { users } = schema

export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000
/**
 * A page often sends several requests at once with the same expired access token; all of them refresh.
 * Within this grace the token just rotated away still buys an access token (not a new refresh token);
 * after it, presenting a rotated token means it was stolen, and the whole family is revoked.
 */
export const ROTATION_GRACE_MS = 60_000

export type UserPrincipal = {
  kind: 'user'
  userId: string
  providerId: string
  email: string
  role: Role
  sessionId: string
  /** The second factor was proven for this session. */
  mfa: boolean
  mfaEnabled: boolean
}

export type IssuedSession = { sessionId: string; accessToken: string; refreshToken: string }

const nowSec = (deps: IdentityDeps) => Math.floor(deps.now().getTime() / 1000)

/** A new session: the insert to batch with its audit row, and the tokens for the cookies. */
export async function newSession(deps: IdentityDeps, user: { userId: string; providerId: string; mfa: boolean }) {
  const sessionId = newId('ses', deps.now().getTime())
  const refreshToken = randomToken()
  const insert = deps.db.insert(sessions).values({
    id: sessionId,
    userId: user.userId,
    providerId: user.providerId,
    familyId: sessionId,
    refreshHash: await hashToken(refreshToken),
    mfa: user.mfa,
    expiresAt: new Date(deps.now().getTime() + REFRESH_TTL_MS).toISOString(),
  })
  const accessToken = await signAccessToken(deps.sessionKey, { sid: sessionId, sub: user.userId, prv: user.providerId }, nowSec(deps))
  return { insert, issued: { sessionId, accessToken, refreshToken } satisfies IssuedSession }
}

export type SessionCheck = { ok: true; principal: UserPrincipal } | { ok: false; reason: 'invalid' | 'expired' | 'revoked' }

/** The session behind an access token, checked against D1 so that revocation and removal take effect at once. */
export async function authenticateAccessToken(deps: IdentityDeps, token: string): Promise<SessionCheck> {
  const verified = await verifyAccessToken(deps.sessionKey, token, nowSec(deps))
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' }
  return principalForSession(deps, verified.claims.sid)
}

async function principalForSession(deps: IdentityDeps, sessionId: string): Promise<SessionCheck> {
  const [row] = await deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1)
  if (!row) return { ok: false, reason: 'invalid' }
  const { session, user } = row
  if (session.revokedAt || user.removedAt || user.providerId !== session.providerId) return { ok: false, reason: 'revoked' }
  if (Date.parse(session.expiresAt) <= deps.now().getTime()) return { ok: false, reason: 'expired' }
  return {
    ok: true,
    principal: {
      kind: 'user',
      userId: user.id,
      providerId: user.providerId,
      email: user.email,
      role: user.role,
      sessionId: session.id,
      mfa: session.mfa,
      mfaEnabled: Boolean(user.totpEnabledAt),
    },
  }
}

export type RefreshResult =
  | { ok: true; principal: UserPrincipal; accessToken: string; refreshToken: string | null }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' | 'reused' }

/** Rotates a refresh token: a new access token and (outside the grace path) a new refresh token. */
export async function refreshSession(deps: IdentityDeps, refreshToken: string): Promise<RefreshResult> {
  const hash = await hashToken(refreshToken)
  const now = deps.now()
  const [current] = await deps.db.select().from(sessions).where(eq(sessions.refreshHash, hash)).limit(1)
  if (current) {
    const check = await principalForSession(deps, current.id)
    if (!check.ok) return check
    const next = randomToken()
    const rotated = await deps.db
      .update(sessions)
      .set({ refreshHash: await hashToken(next), previousRefreshHash: hash, rotatedAt: now.toISOString() })
      .where(and(eq(sessions.id, current.id), eq(sessions.refreshHash, hash)))
      .returning({ id: sessions.id })
    const access = await signAccessToken(deps.sessionKey, { sid: current.id, sub: current.userId, prv: current.providerId }, nowSec(deps))
    // Lost a race with a parallel refresh of the same token: the winner's response carries the new one.
    return { ok: true, principal: check.principal, accessToken: access, refreshToken: rotated.length ? next : null }
  }
  const [previous] = await deps.db.select().from(sessions).where(eq(sessions.previousRefreshHash, hash)).limit(1)
  if (!previous) return { ok: false, reason: 'invalid' }
  if (previous.rotatedAt && now.getTime() - Date.parse(previous.rotatedAt) <= ROTATION_GRACE_MS) {
    const check = await principalForSession(deps, previous.id)
    if (!check.ok) return check
    const access = await signAccessToken(deps.sessionKey, { sid: previous.id, sub: previous.userId, prv: previous.providerId }, nowSec(deps))
    return { ok: true, principal: check.principal, accessToken: access, refreshToken: null }
  }
  await revokeFamily(deps, previous.familyId, 'refresh-token-reused')
  return { ok: false, reason: 'reused' }
}

export function revokeSessionQuery(deps: IdentityDeps, sessionId: string, reason: string) {
  return deps.db
    .update(sessions)
    .set({ revokedAt: deps.now().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
}

/** Ends every session of a user (logout everywhere, password change, removal), optionally but one. */
export function revokeUserSessionsQuery(deps: IdentityDeps, userId: string, reason: string, exceptSessionId?: string) {
  return deps.db
    .update(sessions)
    .set({ revokedAt: deps.now().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined))
}

async function revokeFamily(deps: IdentityDeps, familyId: string, reason: string) {
  await deps.db
    .update(sessions)
    .set({ revokedAt: deps.now().toISOString(), revokedReason: reason })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)))
}

/** Marks the session as having proven the second factor (after TOTP enrolment). */
export function markSessionMfaQuery(deps: IdentityDeps, sessionId: string) {
  return deps.db.update(sessions).set({ mfa: true }).where(eq(sessions.id, sessionId))
}
