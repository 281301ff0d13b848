import { eq } from 'drizzle-orm'
import { schema } from '../../db'
import type { IdentityDeps } from '../deps'
import { needsMfaEnrollment } from '../principal'
import { PERMISSIONS, roleGrants } from '../roles'
import type { UserPrincipal } from '../session/sessions'

/** The signed-in user as the app shows it. */
export async function describeUser(deps: IdentityDeps, who: UserPrincipal) {
  const [row] = await deps.db
    .select({ displayName: schema.users.displayName, providerName: schema.providers.name })
    .from(schema.users)
    .innerJoin(schema.providers, eq(schema.providers.id, schema.users.providerId))
    .where(eq(schema.users.id, who.userId))
    .limit(1)
  return {
    userId: who.userId,
    providerId: who.providerId,
    providerName: row?.providerName ?? '',
    email: who.email,
    displayName: row?.displayName ?? who.email,
    role: who.role,
    mfaEnabled: who.mfaEnabled,
    mfaEnrollmentRequired: needsMfaEnrollment(who),
    permissions: PERMISSIONS.filter((p) => roleGrants(who.role, p)),
  }
}
