/** What each role of a provider's team may do. Routes ask for a permission, never for a role name. */
export const ROLES = ['owner', 'admin', 'biller', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'claims:read',
  'claims:write',
  'uploads:write',
  'team:read',
  'team:manage',
  'api-keys:manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  biller: ['claims:read', 'claims:write', 'uploads:write', 'team:read'],
  viewer: ['claims:read', 'team:read'],
}

/** Scopes an API key may carry: a subset of what an EMR integration needs, nothing about the team. */
export const API_KEY_SCOPES = ['claims:read', 'claims:write', 'uploads:write'] as const satisfies readonly Permission[]
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission)
}

/** Roles a member may hand out: admins manage the team but cannot create or demote owners. */
export function mayAssignRole(actor: Role, target: Role): boolean {
  if (actor === 'owner') return true
  return actor === 'admin' && target !== 'owner'
}
