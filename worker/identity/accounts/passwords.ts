import { and, eq, isNull } from 'drizzle-orm'
import { identitySchema, schema } from '../../db'
import { outboxEmail } from '../../notify'
import { auditInsert } from '../audit'
import type { IdentityDeps } from '../deps'
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../password'
import { revokeUserSessionsQuery, type UserPrincipal } from '../session/sessions'
import { appLink } from './links'
import { refuse, type Outcome } from './outcome'
import { findSingleUseToken, newSingleUseToken, spendTokenQuery } from './single-use-tokens'

const { users, providers } = schema
const { loginFailures } = identitySchema

/** Always answers the same; only a registered, active address gets a link. */
export async function requestPasswordReset(deps: IdentityDeps, email: string, origin: string): Promise<Outcome<object, never>> {
  const [user] = await deps.db.select().from(users).where(and(eq(users.email, email), isNull(users.removedAt))).limit(1)
  if (!user) return { ok: true }
  const reset = await newSingleUseToken(deps, { purpose: 'reset-password', providerId: user.providerId, email, userId: user.id })
  const mail = await outboxEmail(deps.db, deps.keyring, {
    providerId: user.providerId,
    to: email,
    template: 'reset-password',
    subject: 'Reset your ClaimPay password',
    body: `A password reset was requested for your ClaimPay account.\n\nChoose a new password here:\n${appLink(origin, '/reset-password/confirm', reset.token)}\n\nThe link works once and expires in one hour. If you did not ask for this, ignore this email: your password has not changed.`,
  })
  await deps.db.batch([
    reset.insert,
    mail.insert,
    auditInsert(deps.db, { actor: user.id, action: 'auth.password-reset-requested', subjectType: 'user', subjectId: user.id, providerId: user.providerId }, deps.now()),
  ])
  return { ok: true, emails: [mail.message] }
}

/** Sets the new password, proves the email, clears the lockout and ends every session. */
export async function confirmPasswordReset(deps: IdentityDeps, token: string, password: string): Promise<Outcome<object, 'invalid-token' | 'weak-password'>> {
  const row = await findSingleUseToken(deps, 'reset-password', token)
  if (!row?.userId) return refuse('invalid-token')
  const [practice] = await deps.db.select({ name: providers.name }).from(providers).where(eq(providers.id, row.providerId)).limit(1)
  const policy = checkPasswordPolicy(password, { email: row.email, practiceName: practice?.name })
  if (!policy.ok) return refuse('weak-password', policy.reason)
  const passwordHash = await hashPassword(password)
  const spent = await spendTokenQuery(deps, row.id)
  if (!spent.length) return refuse('invalid-token')
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ passwordHash, emailVerifiedAt: now.toISOString() }).where(eq(users.id, row.userId)),
    revokeUserSessionsQuery(deps, row.userId, 'password-reset'),
    deps.db.delete(loginFailures).where(eq(loginFailures.email, row.email)),
    auditInsert(deps.db, { actor: row.userId, action: 'auth.password-reset', subjectType: 'user', subjectId: row.userId, providerId: row.providerId }, now),
  ])
  return { ok: true }
}

/** Changes the password of the signed-in user; every other session of theirs ends. */
export async function changePassword(deps: IdentityDeps, who: UserPrincipal, current: string, next: string): Promise<Outcome<object, 'bad-credentials' | 'weak-password'>> {
  const [user] = await deps.db.select({ passwordHash: users.passwordHash, name: providers.name }).from(users).innerJoin(providers, eq(providers.id, users.providerId)).where(eq(users.id, who.userId)).limit(1)
  if (!user || !(await verifyPassword(current, user.passwordHash)).ok) return refuse('bad-credentials')
  const policy = checkPasswordPolicy(next, { email: who.email, practiceName: user.name })
  if (!policy.ok) return refuse('weak-password', policy.reason)
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, who.userId)),
    revokeUserSessionsQuery(deps, who.userId, 'password-changed', who.sessionId),
    auditInsert(deps.db, { actor: who.userId, action: 'auth.password-changed', subjectType: 'user', subjectId: who.userId, providerId: who.providerId }, now),
  ])
  return { ok: true }
}
