import { and, eq, gt, isNull } from 'drizzle-orm'
import { identitySchema } from '../../db'
import { newId } from '../../ids'
import type { IdentityDeps } from '../deps'
import type { Role } from '../roles'
import { hashToken, randomToken } from '../secrets'

const { authTokens } = identitySchema

export type TokenPurpose = (typeof authTokens.$inferSelect)['purpose']

/** How long each kind of link or pending step stays usable. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 24 * 3600_000,
  'reset-password': 3600_000,
  invite: 7 * 24 * 3600_000,
  'mfa-login': 5 * 60_000,
}

type NewToken = { purpose: TokenPurpose; providerId: string; email: string; userId?: string; role?: Role; invitedBy?: string }

/** A fresh single-use token: the insert (stores only its hash) and the token for the link. */
export async function newSingleUseToken(deps: IdentityDeps, t: NewToken) {
  const token = randomToken()
  const id = newId('tok', deps.now().getTime())
  const insert = deps.db.insert(authTokens).values({
    id,
    purpose: t.purpose,
    tokenHash: await hashToken(token),
    providerId: t.providerId,
    userId: t.userId ?? null,
    email: t.email,
    role: t.role ?? null,
    invitedBy: t.invitedBy ?? null,
    expiresAt: new Date(deps.now().getTime() + TOKEN_TTL_MS[t.purpose]).toISOString(),
  })
  return { id, token, insert }
}

/** The live token for this purpose (unused, unexpired), without spending it. */
export async function findSingleUseToken(deps: IdentityDeps, purpose: TokenPurpose, token: string) {
  const [row] = await deps.db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, await hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, deps.now().toISOString()),
      ),
    )
    .limit(1)
  return row ?? null
}

/** Spends a token; guarded so that two concurrent uses cannot both succeed (batch it with the change). */
export function spendTokenQuery(deps: IdentityDeps, id: string) {
  return deps.db.update(authTokens).set({ usedAt: deps.now().toISOString() }).where(and(eq(authTokens.id, id), isNull(authTokens.usedAt))).returning({ id: authTokens.id })
}
