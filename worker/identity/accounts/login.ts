import { and, eq, isNull } from 'drizzle-orm'
import { identitySchema, schema } from '../../db'
import { auditInsert } from '../audit'
import { decryptField } from '../crypto'
import type { IdentityDeps } from '../deps'
import { afterFailure, lockedFor } from '../lockout'
import { burnPasswordCheck, hashPassword, verifyPassword } from '../password'
import { newSession, type IssuedSession } from '../session/sessions'
import { verifyTotp } from '../totp'
import { refuse, type Outcome } from './outcome'
import { findSingleUseToken, newSingleUseToken, spendTokenQuery } from './single-use-tokens'

const { users } = schema
const { loginFailures } = identitySchema

export const totpAad = (userId: string) => `users.totp_secret:${userId}`

type LoginRefusal = 'locked' | 'bad-credentials' | 'email-not-verified'
export type SignedIn = { kind: 'signed-in'; userId: string; issued: IssuedSession }
export type LoginOutcome = Outcome<SignedIn | { kind: 'mfa-required'; mfaToken: string }, LoginRefusal> & { retryAfterSec?: number }

async function failureRecord(deps: IdentityDeps, email: string) {
  const [row] = await deps.db.select().from(loginFailures).where(eq(loginFailures.email, email)).limit(1)
  return row ?? null
}

async function recordFailure(deps: IdentityDeps, email: string, providerId: string | null, userId: string | null) {
  const now = deps.now()
  const next = afterFailure(await failureRecord(deps, email), now)
  const row = { email, failures: next.failures, lockedUntil: next.lockedUntil, lastFailureAt: now.toISOString() }
  await deps.db.batch([
    deps.db.insert(loginFailures).values(row).onConflictDoUpdate({ target: loginFailures.email, set: row }),
    // Failures on unknown emails are audited without the email: it may be a patient's or a typo.
    auditInsert(deps.db, { actor: userId ?? 'anonymous', action: 'auth.login-failed', subjectType: 'user', subjectId: userId ?? 'unknown', providerId, detail: { failures: next.failures } }, now),
  ])
}

async function lockRefusal(deps: IdentityDeps, email: string): Promise<LoginOutcome | null> {
  const ms = lockedFor(await failureRecord(deps, email), deps.now())
  return ms > 0 ? { ...refuse('locked'), retryAfterSec: Math.ceil(ms / 1000) } : null
}

async function startSession(deps: IdentityDeps, user: { id: string; providerId: string }, mfa: boolean, email: string): Promise<SignedIn> {
  const now = deps.now()
  const session = await newSession(deps, { userId: user.id, providerId: user.providerId, mfa })
  await deps.db.batch([
    session.insert,
    deps.db.delete(loginFailures).where(eq(loginFailures.email, email)),
    auditInsert(deps.db, { actor: user.id, action: 'auth.login', subjectType: 'session', subjectId: session.issued.sessionId, providerId: user.providerId, detail: { mfa } }, now),
  ])
  return { kind: 'signed-in', userId: user.id, issued: session.issued }
}

/**
 * Password sign-in. Unknown emails cost one Argon2id hash like known ones and count towards the same
 * lockout, so neither the answer nor its timing says whether an account exists. With TOTP enabled the
 * answer is a short-lived token for the second step, not a session.
 */
export async function logIn(deps: IdentityDeps, email: string, password: string): Promise<LoginOutcome> {
  const locked = await lockRefusal(deps, email)
  if (locked) return locked
  const [user] = await deps.db.select().from(users).where(and(eq(users.email, email), isNull(users.removedAt))).limit(1)
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(password)
    await recordFailure(deps, email, null, null)
    return refuse('bad-credentials')
  }
  const check = await verifyPassword(password, user.passwordHash)
  if (!check.ok) {
    await recordFailure(deps, email, user.providerId, user.id)
    return refuse('bad-credentials')
  }
  if (check.needsRehash) await deps.db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id))
  if (!user.emailVerifiedAt) return refuse('email-not-verified')
  if (user.totpEnabledAt) {
    const pending = await newSingleUseToken(deps, { purpose: 'mfa-login', providerId: user.providerId, email, userId: user.id })
    await pending.insert
    return { ok: true, kind: 'mfa-required', mfaToken: pending.token }
  }
  return { ok: true, ...(await startSession(deps, user, false, email)) }
}

/** The second step: the pending token and a TOTP code. Wrong codes count towards the lockout. */
export async function logInWithTotp(deps: IdentityDeps, mfaToken: string, code: string): Promise<Outcome<SignedIn, 'invalid-token' | 'wrong-code' | 'locked'> & { retryAfterSec?: number }> {
  const pending = await findSingleUseToken(deps, 'mfa-login', mfaToken)
  if (!pending?.userId) return refuse('invalid-token')
  const locked = await lockRefusal(deps, pending.email)
  if (locked) return { ...refuse('locked'), retryAfterSec: locked.retryAfterSec }
  const [user] = await deps.db.select().from(users).where(and(eq(users.id, pending.userId), isNull(users.removedAt))).limit(1)
  if (!user?.totpSecretSealed || !user.totpEnabledAt) return refuse('invalid-token')
  const secret = await decryptField(deps.keyring, user.totpSecretSealed, totpAad(user.id))
  if (!secret.ok) throw new Error('TOTP secret could not be opened')
  const verified = await verifyTotp(secret.value, code, deps.now().getTime(), user.totpLastStep)
  if (!verified.ok) {
    await recordFailure(deps, pending.email, user.providerId, user.id)
    return refuse('wrong-code')
  }
  const spent = await spendTokenQuery(deps, pending.id)
  if (!spent.length) return refuse('invalid-token')
  await deps.db.update(users).set({ totpLastStep: verified.step }).where(eq(users.id, user.id))
  return { ok: true, ...(await startSession(deps, user, true, pending.email)) }
}

/** Signs in a user who just proved their email by other means (accepting an invite). */
export { startSession }
