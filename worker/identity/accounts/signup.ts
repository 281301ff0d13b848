import { eq } from 'drizzle-orm'
import { schema } from '../../db'
import { newId } from '../../ids'
import { outboxEmail } from '../../notify'
import { auditInsert } from '../audit'
import type { IdentityDeps } from '../deps'
import { checkPasswordPolicy, hashPassword } from '../password'
import { appLink } from './links'
import { refuse, type Outcome } from './outcome'
import { findSingleUseToken, newSingleUseToken, spendTokenQuery } from './single-use-tokens'

const { providers, users } = schema

type SignupInput = { email: string; password: string; practiceName: string; displayName?: string }

/**
 * Creates the practice and its owner, unverified, and emails a verification link. When the email is
 * already registered the answer is the same and that address gets a "you already have an account"
 * email instead: sign-up never tells a stranger who is a customer.
 */
export async function signUp(deps: IdentityDeps, input: SignupInput, origin: string, defaultCutBps: number): Promise<Outcome<object, 'weak-password'>> {
  const policy = checkPasswordPolicy(input.password, { email: input.email, practiceName: input.practiceName })
  if (!policy.ok) return refuse('weak-password', policy.reason)
  const { db, keyring } = deps
  const [existing] = await db.select({ id: users.id, providerId: users.providerId }).from(users).where(eq(users.email, input.email)).limit(1)
  if (existing) {
    const email = await outboxEmail(db, keyring, {
      providerId: existing.providerId,
      to: input.email,
      template: 'account-exists',
      subject: 'You already have a ClaimPay account',
      body: `Someone (perhaps you) tried to sign up for ClaimPay with this address, which already has an account.\n\nSign in at ${new URL('/login', origin)} or reset your password at ${new URL('/reset-password', origin)}.\n\nIf this was not you, you can ignore this email.`,
    })
    await email.insert
    return { ok: true, emails: [email.message] }
  }
  const now = deps.now()
  const providerId = newId('prv', now.getTime())
  const userId = newId('usr', now.getTime())
  const passwordHash = await hashPassword(input.password)
  const verify = await newSingleUseToken(deps, { purpose: 'verify-email', providerId, email: input.email, userId })
  const email = await outboxEmail(db, keyring, {
    providerId,
    to: input.email,
    template: 'verify-email',
    subject: 'Confirm your email for ClaimPay',
    body: `Welcome to ClaimPay, ${input.practiceName}.\n\nConfirm your email address to finish setting up your account:\n${appLink(origin, '/verify-email', verify.token)}\n\nThe link works once and expires in 24 hours.`,
  })
  await db.batch([
    db.insert(providers).values({ id: providerId, name: input.practiceName, cutBps: defaultCutBps }),
    db.insert(users).values({ id: userId, providerId, email: input.email, displayName: input.displayName ?? input.practiceName, role: 'owner', passwordHash }),
    verify.insert,
    email.insert,
    auditInsert(db, { actor: userId, action: 'auth.signup', subjectType: 'user', subjectId: userId, providerId }, now),
  ])
  return { ok: true, emails: [email.message] }
}

export async function verifyEmail(deps: IdentityDeps, token: string): Promise<Outcome<object, 'invalid-token'>> {
  const row = await findSingleUseToken(deps, 'verify-email', token)
  if (!row?.userId) return refuse('invalid-token')
  const spent = await spendTokenQuery(deps, row.id)
  if (!spent.length) return refuse('invalid-token')
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ emailVerifiedAt: now.toISOString() }).where(eq(users.id, row.userId)),
    auditInsert(deps.db, { actor: row.userId, action: 'auth.email-verified', subjectType: 'user', subjectId: row.userId, providerId: row.providerId }, now),
  ])
  return { ok: true }
}
