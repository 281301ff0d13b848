import type { Me } from '$contracts/identity'

/** The permissions the app shows or hides actions by; the API checks them again on every request. */
export type Permission = 'claims:read' | 'claims:write' | 'uploads:write' | 'team:read' | 'team:manage' | 'api-keys:manage'

export function can(me: Pick<Me, 'permissions'>, permission: Permission): boolean {
  return me.permissions.includes(permission)
}
