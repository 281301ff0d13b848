import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { identitySchema, schema } from '../../db'
import { newId } from '../../ids'
import { outboxEmail } from '../../notify'
import { auditInsert } from '../audit'
import type { IdentityDeps } from '../deps'
import { checkPasswordPolicy, hashPassword } from '../password'
import { mayAssignRole, type Role } from '../roles'
import { revokeUserSessionsQuery, type UserPrincipal } from '../session/sessions'
import { appLink } from './links'
import { startSession, type SignedIn } from './login'
import { refuse, type Outcome } from './outcome'
import { findSingleUseToken, newSingleUseToken, spendTokenQuery } from './single-use-tokens'

const { users, providers } = schema
const { authTokens } = identitySchema

export async function listTeam(deps: IdentityDeps, providerId: string) {
  const members = await deps.db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, role: users.role, totpEnabledAt: users.totpEnabledAt, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.providerId, providerId), isNull(users.removedAt)))
    .orderBy(users.createdAt)
  const invites = await deps.db
    .select({ id: authTokens.id, email: authTokens.email, role: authTokens.role, expiresAt: authTokens.expiresAt, createdAt: authTokens.createdAt })
    .from(authTokens)
    .where(and(eq(authTokens.providerId, providerId), eq(authTokens.purpose, 'invite'), isNull(authTokens.usedAt), gt(authTokens.expiresAt, deps.now().toISOString())))
    .orderBy(desc(authTokens.id))
  return {
    members: members.map(({ totpEnabledAt, ...m }) => ({ ...m, mfaEnabled: Boolean(totpEnabledAt) })),
    invites: invites.map((i) => ({ ...i, role: i.role ?? 'viewer' })),
  }
}

export async function invite(deps: IdentityDeps, who: UserPrincipal, email: string, role: Role, origin: string): Promise<Outcome<{ invite: { id: string; email: string; role: Role; expiresAt: string; createdAt: string } }, 'role-not-allowed' | 'already-a-member'>> {
  if (!mayAssignRole(who.role, role)) return refuse('role-not-allowed', `A ${who.role} cannot invite an ${role}.`)
  const [member] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.email, email), eq(users.providerId, who.providerId), isNull(users.removedAt))).limit(1)
  if (member) return refuse('already-a-member')
  const [practice] = await deps.db.select({ name: providers.name }).from(providers).where(eq(providers.id, who.providerId)).limit(1)
  const token = await newSingleUseToken(deps, { purpose: 'invite', providerId: who.providerId, email, role, invitedBy: who.userId })
  const mail = await outboxEmail(deps.db, deps.keyring, {
    providerId: who.providerId,
    to: email,
    template: 'invite',
    subject: `You are invited to ${practice?.name ?? 'a practice'} on ClaimPay`,
    body: `${who.email} invited you to join ${practice?.name ?? 'their practice'} on ClaimPay as ${role}.\n\nAccept the invitation and choose a password:\n${appLink(origin, '/accept-invite', token.token)}\n\nThe invitation expires in 7 days.`,
  })
  const now = deps.now()
  await deps.db.batch([
    token.insert,
    mail.insert,
    auditInsert(deps.db, { actor: who.userId, action: 'team.invited', subjectType: 'invite', subjectId: token.id, providerId: who.providerId, detail: { role } }, now),
  ])
  return {
    ok: true,
    emails: [mail.message],
    invite: { id: token.id, email, role, expiresAt: new Date(now.getTime() + 7 * 24 * 3600_000).toISOString(), createdAt: now.toISOString() },
  }
}

export async function revokeInvite(deps: IdentityDeps, who: UserPrincipal, inviteId: string): Promise<Outcome<object, 'not-found'>> {
  const spent = await deps.db
    .update(authTokens)
    .set({ usedAt: deps.now().toISOString() })
    .where(and(eq(authTokens.id, inviteId), eq(authTokens.providerId, who.providerId), eq(authTokens.purpose, 'invite'), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id })
  if (!spent.length) return refuse('not-found')
  await deps.db.batch([auditInsert(deps.db, { actor: who.userId, action: 'team.invite-revoked', subjectType: 'invite', subjectId: inviteId, providerId: who.providerId }, deps.now())])
  return { ok: true }
}

/** The invitee proves the address by holding the link: the account starts verified and signed in. */
export async function acceptInvite(deps: IdentityDeps, token: string, displayName: string, password: string): Promise<Outcome<SignedIn, 'invalid-token' | 'weak-password' | 'email-in-use'>> {
  const row = await findSingleUseToken(deps, 'invite', token)
  if (!row?.role) return refuse('invalid-token')
  const [practice] = await deps.db.select({ name: providers.name }).from(providers).where(eq(providers.id, row.providerId)).limit(1)
  const policy = checkPasswordPolicy(password, { email: row.email, practiceName: practice?.name })
  if (!policy.ok) return refuse('weak-password', policy.reason)
  const [existing] = await deps.db.select({ id: users.id, removedAt: users.removedAt }).from(users).where(eq(users.email, row.email)).limit(1)
  if (existing && !existing.removedAt) return refuse('email-in-use', 'This email already has a ClaimPay account; ask for an invitation to another address.')
  const passwordHash = await hashPassword(password)
  const spent = await spendTokenQuery(deps, row.id)
  if (!spent.length) return refuse('invalid-token')
  const now = deps.now()
  const account = { providerId: row.providerId, email: row.email, displayName, role: row.role, passwordHash, emailVerifiedAt: now.toISOString() }
  // A removed member (of this practice or another) who is invited again gets the closed account back,
  // starting clean: new practice and role, new password, no second factor until they enrol one again.
  const userId = existing?.id ?? newId('usr', now.getTime())
  await deps.db.batch([
    existing
      ? deps.db.update(users).set({ ...account, removedAt: null, totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, existing.id))
      : deps.db.insert(users).values({ id: userId, ...account }),
    auditInsert(deps.db, { actor: userId, action: existing ? 'team.rejoined' : 'team.joined', subjectType: 'user', subjectId: userId, providerId: row.providerId, detail: { role: row.role, invite: row.id } }, now),
  ])
  return { ok: true, ...(await startSession(deps, { id: userId, providerId: row.providerId }, false, row.email)) }
}

type MemberChange = 'not-found' | 'not-yourself' | 'role-not-allowed' | 'last-owner'

async function target(deps: IdentityDeps, who: UserPrincipal, userId: string) {
  const [user] = await deps.db.select().from(users).where(and(eq(users.id, userId), eq(users.providerId, who.providerId), isNull(users.removedAt))).limit(1)
  return user ?? null
}

async function otherOwners(deps: IdentityDeps, providerId: string, userId: string): Promise<number> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)` }).from(users).where(and(eq(users.providerId, providerId), eq(users.role, 'owner'), isNull(users.removedAt), ne(users.id, userId)))
  return row?.n ?? 0
}

export async function changeRole(deps: IdentityDeps, who: UserPrincipal, userId: string, role: Role): Promise<Outcome<{ member: { userId: string; email: string; displayName: string; role: Role; mfaEnabled: boolean; createdAt: string } }, MemberChange>> {
  const user = await target(deps, who, userId)
  if (!user) return refuse('not-found')
  if (user.id === who.userId) return refuse('not-yourself', 'You cannot change your own role.')
  if (!mayAssignRole(who.role, role) || !mayAssignRole(who.role, user.role)) return refuse('role-not-allowed')
  if (user.role === 'owner' && role !== 'owner' && (await otherOwners(deps, who.providerId, user.id)) === 0) return refuse('last-owner')
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ role }).where(eq(users.id, user.id)),
    auditInsert(deps.db, { actor: who.userId, action: 'team.role-changed', subjectType: 'user', subjectId: user.id, providerId: who.providerId, detail: { from: user.role, to: role } }, now),
  ])
  return { ok: true, member: { userId: user.id, email: user.email, displayName: user.displayName, role, mfaEnabled: Boolean(user.totpEnabledAt), createdAt: user.createdAt } }
}

/** Removes a member: the account is closed and every one of its sessions ends now. */
export async function removeMember(deps: IdentityDeps, who: UserPrincipal, userId: string): Promise<Outcome<object, MemberChange>> {
  const user = await target(deps, who, userId)
  if (!user) return refuse('not-found')
  if (user.id === who.userId) return refuse('not-yourself', 'You cannot remove yourself.')
  if (!mayAssignRole(who.role, user.role)) return refuse('role-not-allowed')
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ removedAt: now.toISOString() }).where(eq(users.id, user.id)),
    revokeUserSessionsQuery(deps, user.id, 'member-removed'),
    auditInsert(deps.db, { actor: who.userId, action: 'team.member-removed', subjectType: 'user', subjectId: user.id, providerId: who.providerId }, now),
  ])
  return { ok: true }
}
