import { eq } from 'drizzle-orm'
import { schema } from '../../db'
import { auditInsert } from '../audit'
import { decryptField, encryptField } from '../crypto'
import type { IdentityDeps } from '../deps'
import { markSessionMfaQuery, type UserPrincipal } from '../session/sessions'
import { newTotpSecret, totpUri, verifyTotp } from '../totp'
import { totpAad } from './login'
import { refuse, type Outcome } from './outcome'

const { users } = schema

/** Starts TOTP enrolment: a new secret, sealed, not yet enabled until a code proves the app has it. */
export async function enrollTotp(deps: IdentityDeps, who: UserPrincipal): Promise<Outcome<{ secret: string; otpauthUri: string }, 'already-enabled'>> {
  if (who.mfaEnabled) return refuse('already-enabled')
  const secret = newTotpSecret()
  await deps.db.update(users).set({ totpSecretSealed: await encryptField(deps.keyring, secret, totpAad(who.userId)) }).where(eq(users.id, who.userId))
  return { ok: true, secret, otpauthUri: totpUri({ secret, account: who.email, issuer: 'ClaimPay' }) }
}

/** Confirms enrolment with a first code; the current session counts as having passed the second factor. */
export async function confirmTotp(deps: IdentityDeps, who: UserPrincipal, code: string): Promise<Outcome<object, 'not-enrolling' | 'wrong-code' | 'already-enabled'>> {
  if (who.mfaEnabled) return refuse('already-enabled')
  const [user] = await deps.db.select({ sealed: users.totpSecretSealed }).from(users).where(eq(users.id, who.userId)).limit(1)
  if (!user?.sealed) return refuse('not-enrolling')
  const secret = await decryptField(deps.keyring, user.sealed, totpAad(who.userId))
  if (!secret.ok) return refuse('not-enrolling')
  const verified = await verifyTotp(secret.value, code, deps.now().getTime(), null)
  if (!verified.ok) return refuse('wrong-code')
  const now = deps.now()
  await deps.db.batch([
    deps.db.update(users).set({ totpEnabledAt: now.toISOString(), totpLastStep: verified.step }).where(eq(users.id, who.userId)),
    markSessionMfaQuery(deps, who.sessionId),
    auditInsert(deps.db, { actor: who.userId, action: 'auth.mfa-enabled', subjectType: 'user', subjectId: who.userId, providerId: who.providerId }, now),
  ])
  return { ok: true }
}
