import type { ApiKeyPrincipal } from './accounts/api-keys'
import { roleGrants, type Permission } from './roles'
import type { UserPrincipal } from './session/sessions'

/** Who acts for a provider: a signed-in team member, or one of the provider's API keys. */
export type ProviderPrincipal = UserPrincipal | ApiKeyPrincipal

export function can(principal: ProviderPrincipal, permission: Permission): boolean {
  if (principal.kind === 'user') return roleGrants(principal.role, permission)
  return (principal.scopes as readonly string[]).includes(permission)
}

/** What the audit log names as the actor. */
export function actorOf(principal: ProviderPrincipal): string {
  return principal.kind === 'user' ? principal.userId : principal.keyId
}

/** Owners must prove a second factor: until their session has, only enrolment and sign-out are open. */
export function needsMfaEnrollment(principal: ProviderPrincipal): boolean {
  return principal.kind === 'user' && principal.role === 'owner' && !principal.mfa
}
