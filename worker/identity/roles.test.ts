import { describe, expect, it } from 'vitest'
import { mayAssignRole, PERMISSIONS, roleGrants } from './roles'

describe('roles', () => {
  it('gives viewers reading only and billers claims but not the team', () => {
    expect(PERMISSIONS.filter((p) => roleGrants('viewer', p))).toEqual(['claims:read', 'team:read'])
    expect(roleGrants('biller', 'uploads:write')).toBe(true)
    expect(roleGrants('biller', 'team:manage')).toBe(false)
    expect(PERMISSIONS.every((p) => roleGrants('owner', p))).toBe(true)
  })

  it('lets admins hand out every role but owner', () => {
    expect(mayAssignRole('admin', 'owner')).toBe(false)
    expect(mayAssignRole('admin', 'biller')).toBe(true)
    expect(mayAssignRole('owner', 'owner')).toBe(true)
    expect(mayAssignRole('biller', 'viewer')).toBe(false)
  })
})
